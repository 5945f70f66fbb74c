import type { Feature } from '../define-feature';

/** Every content-script feature, in mount order. Each entry's id is its file name. */
export const features: readonly Feature[] = [];
