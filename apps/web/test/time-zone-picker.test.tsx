import { act } from 'react';
import { supportedTimeZones, utcOffsetLabel } from '@/lib/local-dates';
import { TimeZonePicker, zoneFilter, zoneWords } from '@/modules/ui/components/time-zone-picker';
import { render } from './render';

const keywordsOf = (zone: string) => [
  ...zoneWords(zone),
  utcOffsetLabel(zone, new Date('2030-01-15T12:00:00Z')),
];
const best = (typed: string) =>
  supportedTimeZones()
    .map((zone) => ({ zone, score: zoneFilter(zone, typed, keywordsOf(zone)) }))
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score)
    .map((s) => s.zone);

describe('finding a time zone', () => {
  it('puts the city that starts with what was typed first', () => {
    expect(best('tokyo')[0]).toBe('Asia/Tokyo');
    expect(best('new y')[0]).toBe('America/New_York');
    expect(best('los ang')[0]).toBe('America/Los_Angeles');
    expect(best('Berlin')[0]).toBe('Europe/Berlin');
  });

  it("finds a zone by its city's new name when the browser lists the old one, and the other way round", () => {
    // Chromium lists Asia/Calcutta and Europe/Kiev; Node lists Asia/Kolkata and Europe/Kyiv.
    expect(zoneFilter('Asia/Calcutta', 'kolkata', zoneWords('Asia/Calcutta'))).toBeGreaterThanOrEqual(0.9);
    expect(zoneFilter('Europe/Kiev', 'kyiv', zoneWords('Europe/Kiev'))).toBeGreaterThanOrEqual(0.9);
    expect(zoneFilter('Asia/Kolkata', 'calcutta', zoneWords('Asia/Kolkata'))).toBeGreaterThanOrEqual(0.9);
  });

  it('finds zones by their offset', () => {
    expect(best('UTC+09:00')).toContain('Asia/Tokyo');
    expect(best('UTC+09:00')).not.toContain('Europe/Berlin');
  });

  it('offers every zone this runtime knows, UTC among them', () => {
    const zones = supportedTimeZones();
    expect(zones).toContain('UTC');
    expect(zones).toContain('Europe/Berlin');
    expect(zones.length).toBeGreaterThan(300);
  });
});

describe('the time zone picker', () => {
  it("shows the chosen zone and offers the device's own (Los Angeles in these tests) in one click", async () => {
    const chosen: string[] = [];
    const { container, unmount } = await render(
      <TimeZonePicker label="Time zone" value="Asia/Tokyo" onChange={(zone) => chosen.push(zone)} />,
    );
    expect(container.textContent).toContain('Asia/Tokyo');
    expect(container.textContent).toContain('UTC+09:00');
    const useDevice = [...container.querySelectorAll('button')].find((b) =>
      b.textContent?.startsWith('Use this device’s zone'),
    )!;
    expect(useDevice.textContent).toBe('Use this device’s zone (America/Los_Angeles)');
    act(() => useDevice.click());
    expect(chosen).toEqual(['America/Los_Angeles']);
    await unmount();
  });

  it('ties an error to the search box and announces it', async () => {
    const { container, unmount } = await render(
      <TimeZonePicker label="Time zone" value="UTC" onChange={() => {}} error="Unknown time zone" />,
    );
    const input = container.querySelector('input')!;
    expect(input.getAttribute('aria-invalid')).toBe('true');
    const message = document.getElementById(input.getAttribute('aria-describedby')!)!;
    expect(message.textContent).toBe('Unknown time zone');
    expect(message.getAttribute('role')).toBe('alert');
    await unmount();
  });
});
