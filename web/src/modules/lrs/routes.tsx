import type { RouteObject } from "react-router";
import type { NavItem } from "../../app/nav";

/** The Learning Record Store: LRS clients and learners' records. */
export const lrsRoutes: RouteObject[] = [];

export const lrsNav: NavItem[] = [];
