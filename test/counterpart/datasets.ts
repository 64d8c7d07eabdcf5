/** The datasets the counterpart can serve, chosen with `--dataset`. */
import { localDateOf } from './clock';
import { generateDataset, type Dataset } from './dataset';
import { loadExamplesDataset } from './examples';
import { buildVariantsDataset } from './variants';

export const DATASET_NAMES = ['generated', 'examples', 'variants'] as const;
export type DatasetName = (typeof DATASET_NAMES)[number];

export function isDatasetName(value: string): value is DatasetName {
  return (DATASET_NAMES as readonly string[]).includes(value);
}

/** Builds a dataset. `seed` only changes the generated one; `now` sets "today" in Europe/Amsterdam. */
export function createDataset(name: DatasetName, seed: number, now: Date): Dataset {
  switch (name) {
    case 'generated':
      return generateDataset(seed, now);
    case 'examples':
      return loadExamplesDataset(localDateOf(now));
    case 'variants':
      return buildVariantsDataset(localDateOf(now));
  }
}
