import type { Migration } from "../migrate.js";
import { foundation } from "./0001_foundation.js";
import { logbook } from "./0002_logbook.js";
import { arrangement } from "./0003_arrangement.js";
import { monitoring } from "./0004_monitoring.js";
import { learning } from "./0005_learning.js";
import { learningAssessment } from "./0006_learning_assessment.js";
import { lrs } from "./0007_lrs.js";
import { content } from "./0008_content.js";
import { lrsFactHashes } from "./0009_lrs_fact_hashes.js";

/** Every migration, in order. A new migration is a new file added here. */
export const migrations: Migration[] = [foundation, logbook, arrangement, monitoring, learning, learningAssessment, lrs, content, lrsFactHashes];
