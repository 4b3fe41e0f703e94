/** Typed wrappers around `commands/bindings.rs` (the platform's privacy-number bindings and their local cache). */
import type { BindForm } from "./bindings/BindForm";
import type { BindOutcome } from "./bindings/BindOutcome";
import type { BindingFilter } from "./bindings/BindingFilter";
import type { BindingPage } from "./bindings/BindingPage";
import type { ModifyForm } from "./bindings/ModifyForm";
import type { SyncReport } from "./bindings/SyncReport";
import { call } from "./invoke";

export const bindingsList = (filter: BindingFilter): Promise<BindingPage> => call("bindings_list", { filter });
/** Queries the platform for every known X and brings the cache in line. */
export const bindingsSync = (): Promise<SyncReport> => call("bindings_sync");
/** With `x: null` and an `xScope`, Maskline picks the least-used X of that pool or city first. */
export const bindingBind = (form: BindForm): Promise<BindOutcome> => call("binding_bind", { form });
export const bindingModify = (form: ModifyForm): Promise<null> => call("binding_modify", { form });
export const bindingUnbind = (subscriptionId: string): Promise<null> => call("binding_unbind", { subscriptionId });
