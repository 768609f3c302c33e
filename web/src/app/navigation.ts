import { IconHome, IconUserCircle } from "@tabler/icons-react";
import type { Me } from "../api/types";
import { arrangementNav } from "../modules/arrangement/routes";
import { auditNav } from "../modules/audit/routes";
import { learningNav } from "../modules/learning/routes";
import { logbookNav } from "../modules/logbook/routes";
import { lrsNav } from "../modules/lrs/routes";
import { monitoringNav } from "../modules/monitoring/routes";
import { orgNav } from "../modules/org/routes";
import type { NavItem } from "./nav";

export const homeNav: NavItem = { to: "/", labelKey: "common:nav.home", icon: IconHome, visible: () => true };
export const profileNav: NavItem = { to: "/profile", labelKey: "common:nav.profile", icon: IconUserCircle, visible: () => true };

/** What modules contribute, in menu order. */
const moduleNav: NavItem[] = [...logbookNav, ...arrangementNav, ...monitoringNav, ...learningNav, ...lrsNav, ...orgNav, ...auditNav];

/** Module entries this person may see. */
export function moduleNavFor(me: Me): NavItem[] {
  return moduleNav.filter((item) => item.visible(me));
}

/** The whole navigation of the shell for this person. */
export function navFor(me: Me): NavItem[] {
  return [homeNav, ...moduleNavFor(me), profileNav];
}

function matches(item: NavItem, pathname: string): boolean {
  if (item.to === "/") return pathname === "/";
  return pathname === item.to || pathname.startsWith(`${item.to}/`);
}

/** The one entry of `items` the page belongs to: the longest matching path (on /monitoring/map, "Peta", not also "Pemantauan"). */
export function activeEntry(items: NavItem[], pathname: string): NavItem | undefined {
  let best: NavItem | undefined;
  for (const item of items) if (matches(item, pathname) && (!best || item.to.length > best.to.length)) best = item;
  return best;
}
