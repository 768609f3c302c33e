export { Guard } from "../../../app/guardedPage";
