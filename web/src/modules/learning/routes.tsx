import type { RouteObject } from "react-router";
import type { NavItem } from "../../app/nav";

/** Flexi learning: catalog, course player, authoring, JP and certificates. */
export const learningRoutes: RouteObject[] = [];

/** Pages that need no sign-in (certificate verification). */
export const learningPublicRoutes: RouteObject[] = [];

export const learningNav: NavItem[] = [];
