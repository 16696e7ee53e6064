import type { BudgetStream } from '../core/model.js';
import { loadBudgetFile } from './budget-file.js';
import { loadPartnerCsv } from './csv.js';
import { LARGE_INPUT, tuneHeapForLargeInput } from './heap.js';
import type { InputText } from './read.js';

/** The one loader every command reads a budget with: text in any input format → the checked model, with places. */
export function loadBudget(input: InputText): BudgetStream {
  if (input.text.length > LARGE_INPUT) tuneHeapForLargeInput();
  return input.format === 'csv' ? loadPartnerCsv(input.text) : loadBudgetFile(input.text, input.format);
}
