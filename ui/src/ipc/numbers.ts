/** Typed wrappers around `commands/numbers.rs`: the X numbers and their pools. */
import type { NumberImportReport } from "./bindings/NumberImportReport";
import type { NumberStats } from "./bindings/NumberStats";
import type { Pool } from "./bindings/Pool";
import type { PoolOverview } from "./bindings/PoolOverview";
import type { XScope } from "./bindings/XScope";
import { call } from "./invoke";

export const numbersList = (): Promise<NumberStats[]> => call("numbers_list");
export const numbersImport = (path: string, pool: string | null): Promise<NumberImportReport> =>
  call("numbers_import", { path, pool });
export const numbersAdd = (numbers: string[], city: string | null, pool: string | null): Promise<NumberImportReport> =>
  call("numbers_add", { numbers, city, pool });
/** The least-used X of the scope that can take A (and B); null when none can. */
export const numbersChooseX = (scope: XScope, a: string, b: string | null): Promise<string | null> =>
  call("numbers_choose_x", { scope, a, b });
export const poolsList = (): Promise<Pool[]> => call("pools_list");
export const poolsOverview = (): Promise<PoolOverview> => call("pools_overview");
export const poolsAssign = (numbers: string[], pool: string | null): Promise<number> =>
  call("pools_assign", { numbers, pool });
