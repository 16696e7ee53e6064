import { halfUpTo } from '../scaled.js';
import type { Allocator } from './types.js';

/** Each share rounded half-up on its own, as many documents do; the sum may drift from the budget. */
export const halfUp: Allocator = ({ unit, exact, fixed }) => exact.map((e, i) => (fixed[i] ? e : halfUpTo(e, unit)));
