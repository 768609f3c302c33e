/** The first agency and administrator used by browser tests that need a set-up installation. */
export const ADMIN = {
  name: "Siti Rahmawati",
  nip: "198503122010012001",
  email: "siti.rahmawati@lan.go.id",
  password: "Teluk-Biru-2026!",
};

/** Runs the first-run setup through the API (what the setup page does), for tests about other pages. */
export async function setUpThroughApi(baseUrl: string, locale: "id" | "en" = "id"): Promise<void> {
  const res = await fetch(`${baseUrl}/api/v1/setup`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      agency: { code: "LAN", name: "Lembaga Administrasi Negara", timezone: "Asia/Jakarta" },
      admin: { name: ADMIN.name, nip: ADMIN.nip, email: ADMIN.email, password: ADMIN.password },
      locale,
    }),
  });
  if (res.status !== 201) throw new Error(`setup failed: ${res.status} ${await res.text()}`);
}
