/** Tables of this module; see its migration. */
export interface LearningAssessmentTables {
  _placeholder_learning_assessment?: never;
}
