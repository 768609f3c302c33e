import type { RouteObject } from "react-router";
import type { NavItem } from "../../app/nav";

/** Monitoring: the board, map, trends and employee calendar. */
export const monitoringRoutes: RouteObject[] = [];

export const monitoringNav: NavItem[] = [];
