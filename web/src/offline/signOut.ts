/**
 * What modules remove from this device when its person signs out: content
 * saved for offline use, cached answers. A shared phone or office computer
 * must not show the next person what the last one kept.
 */
type Cleaner = () => Promise<void>;

const cleaners = new Set<Cleaner>();

/** Registers work to run at every sign-out on this device. */
export function clearOnSignOut(clean: Cleaner): void {
  cleaners.add(clean);
}

/** Runs every registered cleaner; one that fails stops neither the others nor the sign-out. */
export async function clearDeviceData(): Promise<void> {
  await Promise.allSettled([...cleaners].map((clean) => clean()));
}
