import { DndContext } from '@dnd-kit/core';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { monthWeeks, todayIn } from '@/lib/local-dates';
import { MonthGrid } from '@/modules/calendar/components/month-grid';
import { aTask } from './builders';

// React's act() warns unless the environment says it is a test.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

// 23:30 on Monday 6 May 2030 in Los Angeles, where the device is (jest.config.js): already
// Tuesday the 7th for a user whose profile says Europe/Berlin.
const LA_LATE_EVENING = new Date('2030-05-07T06:30:00Z');

let container: HTMLDivElement;
let root: Root;
beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});
afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

function renderMay2030(zone: string) {
  const due = aTask({ title: 'Ship the release', dueDate: '2030-05-06' });
  act(() =>
    root.render(
      <DndContext>
        <MonthGrid
          month="2030-05"
          weeks={monthWeeks('2030-05')}
          today={todayIn(zone, LA_LATE_EVENING)}
          byDay={new Map([['2030-05-06', [due]]])}
          handlers={{ canEdit: true, focusTaskId: undefined, onOpen: () => {}, onShift: () => {} }}
        />
      </DndContext>,
    ),
  );
}

const day = (name: string) => container.querySelector(`[role="group"][aria-label="${name}"]`);
const todayCell = () => container.querySelector('[role="group"][aria-current="date"]');

describe('the calendar month grid in a non-UTC zone', () => {
  it("marks today in the user's zone (Berlin), a day ahead of the device (Los Angeles)", () => {
    renderMay2030('Europe/Berlin');
    expect(todayCell()?.getAttribute('aria-label')).toBe('Tuesday, May 7, 2030');
  });

  it('marks the same instant as Monday for a user in Los Angeles', () => {
    renderMay2030('America/Los_Angeles');
    expect(todayCell()?.getAttribute('aria-label')).toBe('Monday, May 6, 2030');
  });

  it('lays May 2030 out in Monday-first weeks with each task on its due date', () => {
    renderMay2030('Europe/Berlin');
    const cells = [...container.querySelectorAll('[role="group"]')];
    expect(cells).toHaveLength(35);
    expect(cells[0]!.getAttribute('aria-label')).toBe('Monday, April 29, 2030');
    expect(cells.at(-1)!.getAttribute('aria-label')).toBe('Sunday, June 2, 2030');
    expect(day('Monday, May 6, 2030')?.textContent).toContain('Ship the release');
    expect(day('Tuesday, May 7, 2030')?.textContent).not.toContain('Ship the release');
  });
});
