import "@mantine/core/styles.css";
import "@mantine/notifications/styles.css";
import "@mantine/charts/styles.css";
import "./i18n";
import { registerSW } from "virtual:pwa-register";
import { MantineProvider } from "@mantine/core";
import { Notifications } from "@mantine/notifications";
import { QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { RouterProvider } from "react-router";
import { createQueryClient } from "./app/queryClient";
import { router } from "./app/router";
import { cssVariablesResolver, theme } from "./app/theme";
import { protectOfflineCourses } from "./modules/learning/offline";
import { prepareOfflineQueries, whenSignedIn } from "./modules/logbook/offline/pwa";
import { startOutboxSync } from "./offline/outbox";

const queryClient = createQueryClient();
prepareOfflineQueries(queryClient);
// Courses saved for offline study belong to one person: removed at sign-out and when someone else signs in.
protectOfflineCourses(queryClient);
// Queued daily submissions are replayed once signed in and whenever the connection returns; the service worker keeps the app shell for offline use.
whenSignedIn(queryClient, startOutboxSync);
registerSW({ immediate: true });
const root = document.getElementById("root");

if (root) {
  createRoot(root).render(
    <StrictMode>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
        <Notifications position="top-center" limit={3} />
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </MantineProvider>
    </StrictMode>,
  );
}
