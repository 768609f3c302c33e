import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { loadDemo } from "../../demo/seed.js";
import { AppError } from "../../platform/errors.js";
import { demoAllowed } from "../../platform/settings.js";
import { SetupInput } from "./schema.js";
import { isSetUp, setUp } from "./service.js";

const tags = ["setup"];

export async function setupRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const sys = (requestId: string, ip: string) => ({ db: app.db, engine: app.engine, actor: null, requestId, ip, now: () => new Date() });

  app.get(
    "/setup",
    {
      config: { public: true },
      schema: { tags, summary: "Whether the first-run setup is still needed", response: { 200: z.object({ needed: z.boolean(), demoMode: z.boolean() }) } },
    },
    async () => ({ needed: !(await isSetUp(app.db)), demoMode: await demoAllowed(app.db, app.demoMode) }),
  );

  app.post(
    "/setup",
    { config: { public: true }, schema: { tags, summary: "Create the first agency and its administrator", body: SetupInput } },
    async (req, reply) => {
      await setUp(sys(req.id, req.ip), req.body);
      return reply.status(201).send({ ok: true });
    },
  );

  app.post(
    "/setup/demo",
    { config: { public: true }, schema: { tags, summary: "Load the demo agency into an empty installation, which becomes a demo installation" } },
    async (req, reply) => {
      if (await isSetUp(app.db)) throw new AppError("already_set_up");
      await loadDemo(sys(req.id, req.ip));
      return reply.status(201).send({ ok: true });
    },
  );
}
