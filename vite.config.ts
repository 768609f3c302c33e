import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { VitePWA } from "vite-plugin-pwa";

export default defineConfig({
  root: "web",
  plugins: [
    react(),
    // The installable app: the built shell is precached; of the API only the reads the daily page needs
    // to open offline are kept (network first, the cache only when the network fails or stalls).
    VitePWA({
      registerType: "autoUpdate",
      injectRegister: false,
      includeAssets: ["icons/icon.svg"],
      manifest: {
        name: "Abdi",
        short_name: "Abdi",
        description: "Logbook harian, pengaturan kerja, dan pembelajaran ASN",
        lang: "id",
        start_url: "/",
        scope: "/",
        display: "standalone",
        theme_color: "#0b468f",
        background_color: "#ffffff",
        icons: [
          { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
          { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
          { src: "/icons/icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
          { src: "/icons/icon.svg", sizes: "any", type: "image/svg+xml", purpose: "any" },
        ],
        shortcuts: [{ name: "Hari ini", url: "/logbook/today" }],
      },
      workbox: {
        globPatterns: ["**/*.{js,css,html,svg,png,webmanifest,woff2}"],
        maximumFileSizeToCacheInBytes: 6 * 1024 * 1024,
        navigateFallback: "index.html",
        navigateFallbackDenylist: [/^\/api\//],
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        skipWaiting: true,
        runtimeCaching: [
          {
            // The daily page: my day, the health form and today's check, my targets and reports; plus the
            // session and setup status the app shell reads before any page.
            urlPattern: ({ url, request, sameOrigin }) =>
              sameOrigin &&
              request.method === "GET" &&
              /^\/api\/v1\/(me\/today|me\/health\/form|me\/health\/today|me\/targets|me\/reports\/\d{4}-\d{2}-\d{2}|auth\/me|setup)$/.test(url.pathname),
            handler: "NetworkFirst",
            options: {
              cacheName: "abdi-daily-api",
              networkTimeoutSeconds: 6,
              cacheableResponse: { statuses: [200] },
              expiration: { maxEntries: 60, maxAgeSeconds: 7 * 24 * 3600 },
            },
          },
          {
            // Courses saved for offline study: the page stores their lesson JSON and media in caches named
            // abdi-learning-<enrolment id>; when the network fails, those copies answer.
            urlPattern: ({ url, request, sameOrigin }) =>
              sameOrigin && request.method === "GET" && /^\/api\/v1\/learning\/(media\/|enrolments\/)/.test(url.pathname),
            handler: async ({ request }) => {
              try {
                return await fetch(request);
              } catch (err) {
                const saved = await caches.match(request.url, { ignoreVary: true });
                if (saved) return saved;
                throw err;
              }
            },
          },
        ],
      },
    }),
  ],
  build: { outDir: "../dist/web", emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 1500 },
  server: { proxy: { "/api": "http://localhost:3000" } },
});
