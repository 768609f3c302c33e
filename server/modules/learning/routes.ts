import type { FastifyInstance } from "fastify";
import { assessmentRoutes } from "./assessment-routes.js";
import { catalogRoutes } from "./catalog/routes.js";
import { mediaRoutes } from "./courses/media-routes.js";
import { courseRoutes } from "./courses/routes.js";
import { progressRoutes } from "./progress/routes.js";
import { runRoutes } from "./runs/routes.js";

/** Flexi learning, under /api/v1/learning (see README.md). */
export async function learningRoutes(fastify: FastifyInstance): Promise<void> {
  await fastify.register(
    async (learning) => {
      await learning.register(catalogRoutes);
      await learning.register(courseRoutes);
      await learning.register(mediaRoutes);
      await learning.register(runRoutes);
      await learning.register(progressRoutes);
    },
    { prefix: "/learning" },
  );
  // Quizzes, assignments, JP and certificates: /learning/… plus the public /public/certificates/:number.
  await fastify.register(assessmentRoutes);
}
