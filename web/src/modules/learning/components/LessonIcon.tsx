import {
  IconBrandZoom,
  IconClipboardText,
  IconExternalLink,
  IconFileText,
  IconFileTypePdf,
  IconHelpHexagon,
  IconPackage,
  IconPlayerPlay,
  type IconProps,
} from "@tabler/icons-react";
import type { ComponentType } from "react";
import type { LessonKind } from "../types";

const ICONS: Record<LessonKind, ComponentType<IconProps>> = {
  text: IconFileText,
  video: IconPlayerPlay,
  pdf: IconFileTypePdf,
  link: IconExternalLink,
  live: IconBrandZoom,
  quiz: IconHelpHexagon,
  assignment: IconClipboardText,
  scorm: IconPackage,
  cmi5: IconPackage,
};

/** The format's icon; decorative, the format name is always written next to it. */
export function LessonIcon({ kind, size = 18 }: { kind: LessonKind; size?: number }) {
  const Icon = ICONS[kind] ?? IconFileText;
  return <Icon size={size} aria-hidden />;
}
