import type { Insertable } from "kysely";
import type { EmployeeTable, UserTable } from "../../../db/schema.js";
import type { Db } from "../../../platform/context.js";
import { accountRow } from "../employees.js";
import * as repo from "./repository.js";
import type { NewPosition, PlannedEmployee } from "./types.js";

export interface ChunkSummary {
  created: string[];
  updated: { id: string; fields: string[] }[];
  positionsCreated: string[];
}

/**
 * Writes the planned rows of an import, one chunk per call (the caller wraps
 * each call in a transaction). A supervisor who is a new employee of a later
 * chunk does not exist yet: the link waits and is set in the chunk that
 * creates them, so foreign keys hold at every commit.
 */
export class ImportWriter {
  private readonly pendingPositions: Map<string, NewPosition>;
  private readonly createdIds = new Set<string>();
  /** supervisor id -> written employees waiting for that supervisor to be created. */
  private readonly waiting = new Map<string, PlannedEmployee[]>();

  constructor(
    private readonly agencyId: string,
    newPositions: Map<string, NewPosition>,
  ) {
    this.pendingPositions = new Map([...newPositions.values()].map((p) => [p.id, p]));
  }

  private canLinkNow(p: PlannedEmployee): boolean {
    const target = p.values.supervisor_id;
    return !target || !p.supervisorIsNew || this.createdIds.has(target);
  }

  private row(p: PlannedEmployee, now: string, linked: boolean): Insertable<EmployeeTable> {
    return {
      id: p.id,
      agency_id: this.agencyId,
      ...p.values,
      supervisor_id: linked ? p.values.supervisor_id : (p.existing?.supervisor_id ?? null),
      created_at: p.existing?.created_at ?? now,
      updated_at: now,
    };
  }

  /** The same account the employee form creates: no usable password until HR sets a temporary one. */
  private account(p: PlannedEmployee, now: string): Insertable<UserTable> {
    return accountRow({ employeeId: p.id, name: p.values.name, now });
  }

  async write(trx: Db, plans: PlannedEmployee[], now: string): Promise<ChunkSummary> {
    const positions: NewPosition[] = [];
    for (const p of plans) {
      const np = p.values.position_id ? this.pendingPositions.get(p.values.position_id) : undefined;
      if (np) {
        positions.push(np);
        this.pendingPositions.delete(np.id);
      }
    }
    await repo.insertPositions(
      trx,
      positions.map((np) => ({
        id: np.id,
        agency_id: this.agencyId,
        unit_id: np.unitId,
        name: np.name,
        kind: "executor" as const,
        echelon: null,
        is_head: 0,
        created_at: now,
        updated_at: now,
      })),
    );

    const creates = plans.filter((p) => !p.existing);
    const updates = plans.filter((p) => p.existing && p.changed.length > 0);
    const toRow = (p: PlannedEmployee) => {
      const linked = this.canLinkNow(p);
      if (!linked && p.values.supervisor_id) this.waiting.set(p.values.supervisor_id, [...(this.waiting.get(p.values.supervisor_id) ?? []), p]);
      return this.row(p, now, linked);
    };
    await repo.insertEmployees(trx, creates.map(toRow));
    await repo.insertUsers(
      trx,
      creates.map((p) => this.account(p, now)),
    );
    await repo.updateEmployees(trx, updates.map(toRow));
    await repo.syncDisplayNames(
      trx,
      updates.filter((p) => p.changed.includes("name")).map((p) => p.id),
    );
    await repo.endSessions(
      trx,
      updates.filter((p) => p.changed.includes("status") && p.values.status === "inactive").map((p) => p.id),
    );

    for (const p of creates) this.createdIds.add(p.id);
    const ready: PlannedEmployee[] = [];
    for (const [target, list] of this.waiting) {
      if (!this.createdIds.has(target)) continue;
      ready.push(...list);
      this.waiting.delete(target);
    }
    await repo.linkSupervisors(
      trx,
      ready.map((p) => this.row(p, now, true)),
    );

    return {
      created: creates.map((p) => p.id),
      updated: updates.map((p) => ({ id: p.id, fields: p.changed })),
      positionsCreated: positions.map((p) => p.id),
    };
  }
}
