import { WELL_KNOWN_SOURCES } from '../core/sources.js';
import { editDistance } from '../core/near-miss.js';

// the near-miss helpers are core's (a cost rule's base is read there); the readers import them from here
export { didYouMean, editDistance } from '../core/near-miss.js';

/**
 * The well-known source id (of 4 letters or more) that `id` (4 or more too) is one slip from: a letter more, less,
 * another or two swapped (`erfd`, `eradf` → erdf). Shorter ids are too close to each other to tell a slip from a name.
 */
export function nearSourceId(id: string): string | undefined {
  if (id.length < 4) return undefined;
  return Object.keys(WELL_KNOWN_SOURCES).find((known) => known.length >= 4 && editDistance(id, known) === 1);
}

/**
 * The file name in `names` nearest to a missing `name`, if it is a slip of it: names are long, so a third of their
 * length would take `rest.yaml` for `report.yaml`. Compared by stem: at most one slip in a stem of 4 to 7
 * characters, two from 8, none below 4 (`a.yaml` is not `b.yaml` mistyped); an extension counts one slip (two if
 * unlike: `.json` for `.yaml`), and the same stem in another format or case is always near.
 */
export function nearFileName(name: string, names: readonly string[]): string | undefined {
  const split = (file: string) => {
    const dot = file.lastIndexOf('.');
    return dot > 0 ? [file.slice(0, dot), file.slice(dot)] : [file, ''];
  };
  const [stem, extension] = split(name.toLowerCase()) as [string, string];
  let best: { name: string; distance: number } | undefined;
  for (const candidate of names) {
    if (candidate === name) continue;
    const [otherStem, otherExtension] = split(candidate.toLowerCase()) as [string, string];
    const shorter = Math.min(stem.length, otherStem.length);
    const allowed = stem === otherStem ? 2 : shorter < 4 ? 0 : shorter < 8 ? 1 : 2;
    const distance = Math.max(
      1, // a slip of case alone
      editDistance(stem, otherStem) + Math.min(2, editDistance(extension, otherExtension)),
    );
    if (distance <= allowed && (!best || distance < best.distance)) best = { name: candidate, distance };
  }
  return best?.name;
}
