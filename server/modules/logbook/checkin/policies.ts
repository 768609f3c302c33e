import { logbookPolicy } from "../policies.js";

/**
 * Check-in rules, composed from the logbook policy: only the person checks
 * in (there is no route to check in for someone else); results are for
 * viewDay (the person, their supervisor, overseers in scope); exact
 * coordinates only for the person and HR in scope.
 */
export const checkinPolicy = {
  checkIn: logbookPolicy.writeOwn,
  viewCheckins: logbookPolicy.viewDay,
  viewCoordinates: logbookPolicy.viewCoordinates,
};
