import { LanguageSwitch } from "../../../ui/LanguageSwitch";
import { useLanguage } from "../hooks";

/** The language switch wired to the session: applied at once, saved to the account when signed in. */
export function LanguageControl({ size }: { size?: "xs" | "sm" | "md" }) {
  const { language, setLanguage } = useLanguage();
  return <LanguageSwitch value={language} onChange={setLanguage} size={size} />;
}
