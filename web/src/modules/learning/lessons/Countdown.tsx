import { Alert, Text } from "@mantine/core";
import { IconClock } from "@tabler/icons-react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

function clock(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const m = Math.floor(total / 60);
  const s = total % 60;
  return `${m}:${String(s).padStart(2, "0")}`;
}

/** The time left until the server's deadline; calls `onExpire` once when it runs out. */
export function Countdown({ deadline, onExpire }: { deadline: string; onExpire: () => void }) {
  const { t } = useTranslation("learning");
  const end = new Date(deadline).getTime();
  const [now, setNow] = useState(Date.now());
  const fired = useRef(false);
  const left = end - now;
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  useEffect(() => {
    if (left <= 0 && !fired.current) {
      fired.current = true;
      onExpire();
    }
  }, [left, onExpire]);
  return (
    <Alert color={left < 60_000 ? "red" : "blue"} icon={<IconClock aria-hidden />} p="xs" style={{ position: "sticky", top: 64, zIndex: 2 }}>
      <Text size="sm" fw={600} aria-live={left < 60_000 ? "polite" : "off"}>
        {t("quiz.timeLeft", { time: clock(left) })}
      </Text>
    </Alert>
  );
}
