import { Anchor, Image, List, Text, Title } from "@mantine/core";
import { Fragment, type ReactNode } from "react";

/**
 * A small Markdown subset rendered as React elements (never as HTML):
 * headings, paragraphs, bullet and numbered lists, links, images, bold and
 * italic. Anything else shows as plain text. Links and images only accept
 * http(s), mailto and same-site addresses.
 */
export function Markdown({ source }: { source: string }) {
  return <>{parseBlocks(source).map((b, i) => renderBlock(b, i))}</>;
}

type Block =
  | { kind: "heading"; level: number; text: string }
  | { kind: "paragraph"; text: string }
  | { kind: "list"; ordered: boolean; items: string[] }
  | { kind: "image"; alt: string; src: string };

const HEADING = /^(#{1,6})\s+(.*)$/;
const BULLET = /^\s*[-*+]\s+(.*)$/;
const NUMBERED = /^\s*\d+[.)]\s+(.*)$/;
const IMAGE_LINE = /^!\[([^\]]*)\]\(([^)\s]+)\)$/;

export function parseBlocks(source: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let list: { ordered: boolean; items: string[] } | null = null;
  const flush = () => {
    if (paragraph.length) blocks.push({ kind: "paragraph", text: paragraph.join(" ") });
    paragraph = [];
    if (list) blocks.push({ kind: "list", ...list });
    list = null;
  };
  for (const raw of source.replace(/\r\n?/g, "\n").split("\n")) {
    const line = raw.trim();
    const heading = line.match(HEADING);
    const bullet = raw.match(BULLET);
    const numbered = raw.match(NUMBERED);
    const image = line.match(IMAGE_LINE);
    if (!line) {
      flush();
    } else if (heading) {
      flush();
      blocks.push({ kind: "heading", level: heading[1].length, text: heading[2] });
    } else if (image) {
      flush();
      blocks.push({ kind: "image", alt: image[1], src: image[2] });
    } else if (bullet || numbered) {
      const ordered = !bullet;
      const text = (bullet ?? numbered)?.[1] ?? "";
      if (paragraph.length || (list && list.ordered !== ordered)) flush();
      list ??= { ordered, items: [] };
      list.items.push(text);
    } else if (list && /^\s{2,}/.test(raw)) {
      list.items[list.items.length - 1] += ` ${line}`;
    } else {
      if (list) flush();
      paragraph.push(line);
    }
  }
  flush();
  return blocks;
}

/** Only addresses that cannot run script: http(s), mailto, and paths on this site. */
export function safeUrl(url: string): string | null {
  if (/^(https?:|mailto:)/i.test(url)) return url;
  if (url.startsWith("/") && !url.startsWith("//")) return url;
  if (url.startsWith("#")) return url;
  return null;
}

function renderBlock(block: Block, key: number): ReactNode {
  switch (block.kind) {
    case "heading":
      // The page's h1 is the lesson title: Markdown headings start at h2.
      return (
        <Title key={key} order={Math.min(6, block.level + 1) as 2 | 3 | 4 | 5 | 6} size={block.level <= 1 ? "h3" : "h4"} mt="md" mb="xs">
          {inline(block.text)}
        </Title>
      );
    case "paragraph":
      return (
        <Text key={key} mb="sm" style={{ overflowWrap: "anywhere" }}>
          {inline(block.text)}
        </Text>
      );
    case "list":
      return (
        <List key={key} type={block.ordered ? "ordered" : "unordered"} mb="sm" spacing={4}>
          {block.items.map((item, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: list items have no other identity
            <List.Item key={i}>{inline(item)}</List.Item>
          ))}
        </List>
      );
    case "image": {
      const src = safeUrl(block.src);
      return src ? <Image key={key} src={src} alt={block.alt} radius="sm" mb="sm" maw="100%" /> : <Text key={key}>{block.alt}</Text>;
    }
  }
}

const INLINE = /!\[([^\]]*)\]\(([^)\s]+)\)|\[([^\]]+)\]\(([^)\s]+)\)|\*\*([^*]+)\*\*|__([^_]+)__|\*([^*]+)\*|_([^_]+)_|`([^`]+)`/;

/** Inline marks: images, links, bold, italic and code; the rest is text. */
export function inline(text: string): ReactNode[] {
  const out: ReactNode[] = [];
  let rest = text;
  let key = 0;
  while (rest) {
    const m = rest.match(INLINE);
    if (!m || m.index === undefined) {
      out.push(rest);
      break;
    }
    if (m.index > 0) out.push(rest.slice(0, m.index));
    const k = key++;
    if (m[2] !== undefined) {
      const src = safeUrl(m[2]);
      out.push(src ? <Image key={k} src={src} alt={m[1]} display="inline-block" maw="100%" /> : m[1]);
    } else if (m[4] !== undefined) {
      const href = safeUrl(m[4]);
      const external = href !== null && /^https?:/i.test(href);
      out.push(
        href ? (
          <Anchor key={k} href={href} {...(external ? { target: "_blank", rel: "noopener noreferrer" } : {})}>
            {inline(m[3])}
          </Anchor>
        ) : (
          <Fragment key={k}>{m[3]}</Fragment>
        ),
      );
    } else if (m[5] !== undefined || m[6] !== undefined) {
      out.push(<strong key={k}>{inline(m[5] ?? m[6])}</strong>);
    } else if (m[7] !== undefined || m[8] !== undefined) {
      out.push(<em key={k}>{inline(m[7] ?? m[8])}</em>);
    } else {
      out.push(<code key={k}>{m[9]}</code>);
    }
    rest = rest.slice(m.index + m[0].length);
  }
  return out;
}
