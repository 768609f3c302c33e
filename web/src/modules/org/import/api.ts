import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { get, post } from "../../../api/client";
import type { Paged } from "../../../api/types";
import { orgKeys, toSearch } from "../api";
import { IMPORT_FINISHED, type ImportJob, type ImportMode } from "../types";

const importKeys = {
  list: (page: number) => ["org", "imports", "list", page] as const,
  job: (id: string) => ["org", "imports", "job", id] as const,
};

/** The server's upload limit (MAX_UPLOAD_BYTES); a bigger file is refused before it is sent over a slow connection. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

/** How often a running import is asked for its progress. */
export const POLL_MS = 400;

export const templateUrl = (format: "csv" | "xlsx") => `/api/v1/imports/employees/template${toSearch({ format })}`;

export function useImports(page: number) {
  return useQuery({ queryKey: importKeys.list(page), queryFn: () => get<Paged<ImportJob>>(`/imports${toSearch({ page, pageSize: 10 })}`) });
}

/** One import job, polled until it has finished. */
export function useImportJob(id: string | null) {
  const qc = useQueryClient();
  return useQuery({
    queryKey: importKeys.job(id ?? ""),
    queryFn: async () => {
      const job = await get<ImportJob>(`/imports/${id}`);
      if (IMPORT_FINISHED.includes(job.status)) {
        await qc.invalidateQueries({ queryKey: ["org", "imports", "list"] });
        if (!job.dryRun) await qc.invalidateQueries({ queryKey: orgKeys.employees() });
      }
      return job;
    },
    enabled: Boolean(id),
    refetchInterval: (q) => (q.state.data && IMPORT_FINISHED.includes(q.state.data.status) ? false : POLL_MS),
    refetchIntervalInBackground: true,
  });
}

/** Uploads the file; the text fields go before the file part, as the server reads them first. */
export function useStartImport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { file: File; mode: ImportMode; dryRun: boolean }) => {
      const form = new FormData();
      form.append("mode", v.mode);
      form.append("dryRun", v.dryRun ? "true" : "false");
      form.append("file", v.file, v.file.name);
      return post<ImportJob>("/imports/employees", form);
    },
    onSuccess: (job) => {
      qc.setQueryData(importKeys.job(job.id), job);
      return qc.invalidateQueries({ queryKey: ["org", "imports", "list"] });
    },
  });
}
