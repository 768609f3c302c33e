/** Tables of this module; see its migration. */
export interface LearningTables {
  _placeholder_learning?: never;
}
