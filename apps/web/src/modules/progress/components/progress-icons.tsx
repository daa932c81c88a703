import type { ReactNode } from 'react';

// The Progress area's pictures, drawn as SVG: emoji need a colour-emoji font, which many Linux
// desktops lack (they showed as empty boxes there). 24×24, stroked in currentColor so an icon takes
// the colour of its text (and dark mode); sized by className. Every one is decoration beside text
// that says the same thing, so screen readers skip it.

export interface IconProps {
  className?: string;
}

export type IconComponent = (props: IconProps) => ReactNode;

/** The classes of an icon inside a line of text: one text line high, on the text's baseline. */
export const INLINE_ICON = 'inline-block h-[1.1em] w-[1.1em] align-[-0.2em]';

function Svg({ className, children }: IconProps & { children: ReactNode }) {
  return (
    <svg
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden
      className={className}
    >
      {children}
    </svg>
  );
}

export function FlameIcon({ className }: IconProps) {
  return (
    <Svg className={className}>
      <path d="M12 2.5c1.2 3.6 6 6 6 11.5a6 6 0 0 1-12 0c0-2.6 1.2-4.6 2.8-6.2.2 1.8 1 3 2.2 3.7.3-3.4-.4-6 1-9Z" />
      <path d="M12 21a2.5 2.5 0 0 1-2.5-2.5c0-1.6 1.3-2.6 2.5-4.4 1.2 1.8 2.5 2.8 2.5 4.4A2.5 2.5 0 0 1 12 21Z" />
    </Svg>
  );
}

/** A log waiting to burn: the streak before its first day. */
export function LogIcon({ className }: IconProps) {
  return (
    <Svg className={className}>
      <path d="M17 7H6.5a3.5 5 0 0 0 0 10H17" />
      <ellipse cx="17" cy="12" rx="3.5" ry="5" />
      <ellipse cx="17" cy="12" rx="1" ry="1.6" />
      <path d="M10 7 8.5 4.5" />
    </Svg>
  );
}

/** A streak freeze. */
export function SnowflakeIcon({ className }: IconProps) {
  const arm = <path d="M12 2v20M9.5 4.5 12 7l2.5-2.5M9.5 19.5 12 17l2.5 2.5" />;
  return (
    <Svg className={className}>
      {arm}
      <g transform="rotate(60 12 12)">{arm}</g>
      <g transform="rotate(120 12 12)">{arm}</g>
    </Svg>
  );
}

/** The chequered flag: the team quest, and a sprint finished. */
export function FlagIcon({ className }: IconProps) {
  return (
    <Svg className={className}>
      <path d="M5 21V3.5" />
      <path d="M5 4h14v9H5" />
      <path d="M5 4h4.7v4.5H5ZM14.3 4H19v4.5h-4.7ZM9.7 8.5h4.6V13H9.7Z" fill="currentColor" stroke="none" />
    </Svg>
  );
}

export function CheckCircleIcon({ className }: IconProps) {
  return (
    <Svg className={className}>
      <circle cx="12" cy="12" r="9.5" />
      <path d="m7.5 12.5 3 3 6-6.5" />
    </Svg>
  );
}

export function TenIcon({ className }: IconProps) {
  return (
    <Svg className={className}>
      <rect x="2.5" y="3" width="19" height="18" rx="3" />
      <path d="M7 9.2 9.2 7.5v9" />
      <ellipse cx="15" cy="12" rx="2.6" ry="4.5" />
    </Svg>
  );
}

export function HundredIcon({ className }: IconProps) {
  return (
    <Svg className={className}>
      <path d="M2.5 7.8 4.5 6v10" />
      <ellipse cx="10.2" cy="11" rx="2.7" ry="5" />
      <ellipse cx="18.3" cy="11" rx="2.7" ry="5" />
      <path d="M3 20.5h18" />
    </Svg>
  );
}

/** A comet: a streak that kept going. */
export function CometIcon({ className }: IconProps) {
  return (
    <Svg className={className}>
      <circle cx="16" cy="8" r="4" />
      <path d="M13 11 3 21M12.2 6.6 6 12.8M17.4 11.8 11.2 18" />
    </Svg>
  );
}

export function MegaphoneIcon({ className }: IconProps) {
  return (
    <Svg className={className}>
      <path d="M3 10v4a1 1 0 0 0 1 1h3l9 5V4L7 9H4a1 1 0 0 0-1 1Z" />
      <path d="m5 15 1 5.5h2.5L7.5 15" />
      <path d="M19.5 9a4 4 0 0 1 0 6" />
    </Svg>
  );
}

export function CalendarCheckIcon({ className }: IconProps) {
  return (
    <Svg className={className}>
      <rect x="3" y="5" width="18" height="16" rx="2" />
      <path d="M3 10h18M8 3v4M16 3v4" />
      <path d="m9 15.5 2 2 4-4" />
    </Svg>
  );
}

/** The scales of a decision weighed. */
export function ScalesIcon({ className }: IconProps) {
  return (
    <Svg className={className}>
      <path d="M12 3v18M8 21h8M5 7h14" />
      <path d="M5 7 2 14M5 7l3 7M19 7l-3 7M19 7l3 7" />
      <path d="M2 14h6a3 3 0 0 1-6 0ZM16 14h6a3 3 0 0 1-6 0Z" />
    </Svg>
  );
}

/** A siren: an incident led to its end. */
export function SirenIcon({ className }: IconProps) {
  return (
    <Svg className={className}>
      <path d="M7 18v-5a5 5 0 0 1 10 0v5" />
      <path d="M4.5 18h15v3h-15Z" />
      <path d="M12 2.5v2M4.6 5.6 6 7M19.4 5.6 18 7M2.5 12.5h2M19.5 12.5h2" />
      <path d="M10 13.5a2 2 0 0 1 2-2" />
    </Svg>
  );
}

export function HandshakeIcon({ className }: IconProps) {
  return (
    <Svg className={className}>
      <path d="M2 8h3v7H2M22 8h-3v7h3" />
      <path d="M19 9.5 14.8 7.2a2 2 0 0 0-1.9 0L9 9.8a1.5 1.5 0 0 0 1.7 2.4l2.3-1.4 5.8 4.6" />
      <path d="m5 14.5 3.8 3.6a1.4 1.4 0 0 0 2-2l1.6 1.5a1.4 1.4 0 0 0 2-2l.9.8a1.4 1.4 0 0 0 2-2" />
      <path d="M5 9.2 8.6 7.6" />
    </Svg>
  );
}

const STAR = 'M12 3.3 14.47 9.4l6.57.46-5.05 4.24 1.59 6.39L12 17l-5.58 3.49 1.59-6.39-5.05-4.24 6.57-.46Z';

export function StarIcon({ className }: IconProps) {
  return (
    <Svg className={className}>
      <path d={STAR} />
    </Svg>
  );
}

/** A star that shines: the higher level. */
export function ShiningStarIcon({ className }: IconProps) {
  return (
    <Svg className={className}>
      <path d="M12 5.7 13.94 10.53l5.19.35-3.99 3.34 1.27 5.05L12 16.5l-4.41 2.77 1.27-5.05-3.99-3.34 5.19-.35Z" />
      <path d="M12 1v1.5M3 4l1.2 1.2M21 4l-1.2 1.2M2 17.5l1.5-.5M22 17.5l-1.5-.5" />
    </Svg>
  );
}

/** A medal: for an achievement this build has no picture of. */
export function MedalIcon({ className }: IconProps) {
  return (
    <Svg className={className}>
      <circle cx="12" cy="9" r="6" />
      <path d="M8.6 14 7 22l5-3 5 3-1.6-8" />
    </Svg>
  );
}
