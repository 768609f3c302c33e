/** The LRS module's entry points for the rest of the platform. */

export { lrsAdminRoutes } from "./admin-routes.js";
export { issueLaunchCredentials, type LaunchCredentials, type LaunchCredentialsInput } from "./credentials.js";
export { recordLearningEvent, registerLearningRecorder, statementOf } from "./recorder.js";
export { lrsRoutes } from "./routes.js";
