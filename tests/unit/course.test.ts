import { describe, expect, it } from 'vitest';
import {
  assertPartsInOrder,
  assertUniqueOrders,
  courseSequence,
  groupByPart,
  lessonPath,
  partLabel,
  placeOf,
  positionLabel,
  sortByOrder,
  totalMinutes,
  type Lesson,
  type PartId,
} from '../../src/lib/course';

function lesson(id: string, order: number, part: PartId = 'I', minutes = 10): Lesson {
  return { id, order, part, minutes, coreMinutes: minutes, title: `Title ${id}`, summary: `Summary ${id}` };
}

const shuffled = [lesson('c', 3, 'II'), lesson('a', 1), lesson('e', 5, 'III'), lesson('b', 2), lesson('d', 4, 'II')];

describe('sortByOrder', () => {
  it('puts lessons in ascending order regardless of file order', () => {
    expect(sortByOrder(shuffled).map((l) => l.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('does not reorder the array it was given', () => {
    const input = [lesson('b', 2), lesson('a', 1)];
    sortByOrder(input);
    expect(input.map((l) => l.id)).toEqual(['b', 'a']);
  });

  it('accepts gaps in the numbering', () => {
    expect(sortByOrder([lesson('x', 30), lesson('y', 10), lesson('z', 20)]).map((l) => l.id)).toEqual(['y', 'z', 'x']);
  });
});

describe('assertUniqueOrders', () => {
  it('accepts a course where every order is different', () => {
    expect(() => assertUniqueOrders(shuffled)).not.toThrow();
  });

  it('names both lessons when two share an order', () => {
    expect(() => assertUniqueOrders([lesson('01-data', 1), lesson('02-net', 2), lesson('02-other', 2)])).toThrow(
      /order 2 is used by both "02-net" and "02-other"/,
    );
  });
});

describe('assertPartsInOrder', () => {
  it('accepts parts that follow each other in order', () => {
    expect(() => assertPartsInOrder(shuffled)).not.toThrow();
  });

  it('rejects a part I lesson placed after a part II lesson', () => {
    expect(() => assertPartsInOrder([lesson('a', 1, 'I'), lesson('b', 2, 'II'), lesson('c', 3, 'I')])).toThrow(
      /"c" \(order 3, part I\) comes after "b" \(order 2, part II\)/,
    );
  });
});

describe('courseSequence', () => {
  it('returns the lessons in reading order when the course is valid', () => {
    expect(courseSequence(shuffled).map((l) => l.order)).toEqual([1, 2, 3, 4, 5]);
  });

  it('fails on a duplicated order before anything is rendered', () => {
    expect(() => courseSequence([lesson('a', 1), lesson('b', 1)])).toThrow(/own `order`/);
  });
});

describe('placeOf', () => {
  it('gives the first lesson no previous lesson and the next one in order', () => {
    const place = placeOf(shuffled, 'a');
    expect(place.number).toBe(1);
    expect(place.total).toBe(5);
    expect(place.previous).toBeNull();
    expect(place.next?.id).toBe('b');
  });

  it('gives a middle lesson both neighbours by order, not by array position', () => {
    const place = placeOf(shuffled, 'c');
    expect([place.previous?.id, place.number, place.next?.id]).toEqual(['b', 3, 'd']);
  });

  it('gives the last lesson no next lesson', () => {
    const place = placeOf(shuffled, 'e');
    expect(place.number).toBe(5);
    expect(place.next).toBeNull();
    expect(place.previous?.id).toBe('d');
  });

  it('handles a course of a single lesson', () => {
    const place = placeOf([lesson('only', 1)], 'only');
    expect([place.number, place.total, place.previous, place.next]).toEqual([1, 1, null, null]);
  });

  it('throws for an id that is not in the course', () => {
    expect(() => placeOf(shuffled, 'missing')).toThrow(/No lesson with id "missing"/);
  });
});

describe('labels', () => {
  it('writes the position as "Lesson N of M"', () => {
    expect(positionLabel(3, 9)).toBe('Lesson 3 of 9');
  });

  it('writes a part with its numeral and name', () => {
    expect(partLabel('I')).toBe('Part I · Building it');
    expect(partLabel('II')).toBe('Part II · Learning');
    expect(partLabel('III')).toBe('Part III · The experiments');
  });
});

describe('groupByPart', () => {
  it('groups lessons under their part, parts and lessons in order', () => {
    const groups = groupByPart(shuffled);
    expect(groups.map((g) => [g.part.id, g.lessons.map((l) => l.id)])).toEqual([
      ['I', ['a', 'b']],
      ['II', ['c', 'd']],
      ['III', ['e']],
    ]);
  });

  it('leaves out parts that have no lessons yet', () => {
    expect(groupByPart([lesson('a', 1, 'I'), lesson('z', 9, 'III')]).map((g) => g.part.id)).toEqual(['I', 'III']);
  });
});

describe('totalMinutes', () => {
  it('adds up the reading time of every lesson', () => {
    expect(totalMinutes([lesson('a', 1, 'I', 12), lesson('b', 2, 'I', 8)])).toBe(20);
    expect(totalMinutes([])).toBe(0);
  });
});

describe('lessonPath', () => {
  it('builds the path from the lesson id and ends it with a slash', () => {
    expect(lessonPath('01-the-data')).toBe('lessons/01-the-data/');
  });
});
