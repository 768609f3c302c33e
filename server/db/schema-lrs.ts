/** Tables of this module; see its migration. */
export interface LrsTables {
  _placeholder_lrs?: never;
}
