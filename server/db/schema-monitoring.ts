/** Tables of this module; see its migration. */
export interface MonitoringTables {
  _placeholder_monitoring?: never;
}
