import { halfUpTo } from '../scaled.js';
import type { Allocator } from './types.js';

/** Each share rounded half-up on its own, as many documents do; the sum may drift from the budget. */
export const halfUp: Allocator = ({ unit, shares }) => shares.map((share) => (share.fixed ? share.exact : halfUpTo(share.exact, unit)));
