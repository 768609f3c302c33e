import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ctxOf } from "../../../platform/http.js";
import { readSingleFile, refuseLargeBodies } from "../../logbook/reports/multipart.js";
import { disposition } from "../assignments/routes.js";
import { certificatePdfOf, listCertificates, revokeCertificate } from "./certificates.js";
import { CLAIM_EVIDENCE_MAX_BYTES, claimEvidence, createClaim, decideClaim, listClaims } from "./claims.js";
import { jpMe, jpScope, jpScopeXlsx } from "./ledger.js";
import {
  CertificateListOut,
  CertificateOut,
  CertificatesQuery,
  ClaimOut,
  ClaimsQuery,
  DecideIn,
  IdParams,
  JpMeOut,
  JpScopeOut,
  RevokeIn,
  ScopeQuery,
  YearQuery,
} from "./schema.js";

const tags = ["learning: JP and certificates"];

export const originOf = (req: FastifyRequest) => `${req.protocol}://${req.host}`;

export async function creditRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get("/jp/me", { schema: { tags, summary: "My JP of a year toward 20 JP", querystring: YearQuery, response: { 200: JpMeOut } } }, async (req) =>
    jpMe(ctxOf(req), req.query.year),
  );
  app.get(
    "/jp/scope",
    {
      schema: {
        tags,
        summary: "JP of the people I look after (HR scope, direct reports): per person and per unit",
        querystring: ScopeQuery,
        response: { 200: JpScopeOut },
      },
    },
    async (req) => jpScope(ctxOf(req), req.query),
  );
  app.get("/jp/scope.xlsx", { schema: { tags, summary: "The same as XLSX", querystring: ScopeQuery } }, async (req, reply) => {
    const file = await jpScopeXlsx(ctxOf(req), req.query);
    return reply
      .header("content-disposition", disposition("attachment", file.filename))
      .header("cache-control", "no-store")
      .type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
      .send(file.body);
  });

  app.post(
    "/jp/claims",
    {
      onRequest: refuseLargeBodies(CLAIM_EVIDENCE_MAX_BYTES),
      schema: {
        tags,
        summary: "Claim external training (multipart: title, provider, jp, startedOn, endedOn, file)",
        description: "The evidence is a PDF or a PNG/JPEG/WebP image judged by its content (else 415), at most 10 MiB (else 413).",
        consumes: ["multipart/form-data"],
        response: { 201: ClaimOut },
      },
    },
    async (req, reply) => reply.status(201).send(await createClaim(ctxOf(req), () => readSingleFile(req, CLAIM_EVIDENCE_MAX_BYTES))),
  );
  app.get(
    "/jp/claims",
    { schema: { tags, summary: "My claims (who=me) or the claims HR decides (who=scope)", querystring: ClaimsQuery, response: { 200: z.array(ClaimOut) } } },
    async (req) => listClaims(ctxOf(req), req.query),
  );
  app.post(
    "/jp/claims/:id/decide",
    {
      schema: { tags, summary: "Approve (JP enters the ledger) or reject a claim: HR in scope", params: IdParams, body: DecideIn, response: { 200: ClaimOut } },
    },
    async (req) => decideClaim(ctxOf(req), req.params.id, req.body),
  );
  app.get("/jp/claims/:id/evidence", { schema: { tags, summary: "A claim's evidence file", params: IdParams } }, async (req, reply) => {
    const f = await claimEvidence(ctxOf(req), req.params.id);
    return reply
      .header("content-disposition", disposition("inline", f.filename))
      .header("content-security-policy", "default-src 'none'; sandbox")
      .header("cache-control", "private, no-store")
      .type(f.mime)
      .send(f.data);
  });

  app.get(
    "/certificates",
    {
      schema: {
        tags,
        summary: "My certificates (who=me) or, for HR, the certificates of people in scope (who=scope), by number, NIP or name",
        querystring: CertificatesQuery,
        response: { 200: z.array(CertificateListOut) },
      },
    },
    async (req) => listCertificates(ctxOf(req), req.query),
  );
  app.get(
    "/certificates/:id.pdf",
    { schema: { tags, summary: "A certificate as PDF with the QR code of its verification page", params: IdParams } },
    async (req, reply) => {
      const file = await certificatePdfOf(ctxOf(req), req.params.id, originOf(req));
      return reply
        .header("content-disposition", disposition("inline", file.filename))
        .header("cache-control", "private, no-store")
        .type("application/pdf")
        .send(file.body);
    },
  );
  app.post(
    "/certificates/:id/revoke",
    { schema: { tags, summary: "Revoke a certificate with a reason: HR in scope", params: IdParams, body: RevokeIn, response: { 200: CertificateOut } } },
    async (req) => revokeCertificate(ctxOf(req), req.params.id, req.body.reason),
  );
}
