import type { ComponentType } from "react";
import type { Me } from "../api/types";

/** A navigation entry a module contributes to the app shell. */
export interface NavItem {
  to: string;
  /** i18next key with namespace, e.g. "org:nav.employees". */
  labelKey: string;
  icon: ComponentType<{ size?: number | string; stroke?: number }>;
  /** Shown only to people for whom this returns true. */
  visible: (me: Me) => boolean;
}
