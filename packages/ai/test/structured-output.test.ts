import { z } from 'zod';
import { strictJsonSchema, withoutNulls } from '../src/structured-output';

describe('strict JSON Schema from Zod', () => {
  const schema = z.object({
    title: z.string().min(3).max(200),
    note: z.string().default(''),
    due: z.string().optional(),
    id: z.uuid(),
    tags: z.array(z.object({ name: z.string(), colour: z.enum(['red', 'blue']).optional() })).max(5),
  });
  const json = strictJsonSchema(schema);

  it('closes every object and requires every property, as strict mode demands', () => {
    expect(json).toMatchObject({
      type: 'object',
      additionalProperties: false,
      required: ['title', 'note', 'due', 'id', 'tags'],
    });
    const item = (json.properties as { tags: { items: Record<string, unknown> } }).tags.items;
    expect(item).toMatchObject({ additionalProperties: false, required: ['name', 'colour'] });
  });

  it('lets a truly optional property be null, but keeps one with a default a plain required value', () => {
    const p = json.properties as Record<string, Record<string, unknown>>;
    expect(p.due).toEqual({ type: ['string', 'null'] });
    expect(p.note).toEqual({ type: 'string' });
    expect((p.tags!.items as { properties: Record<string, unknown> }).properties.colour).toEqual({
      anyOf: [{ type: 'string', enum: ['red', 'blue'] }, { type: 'null' }],
    });
  });

  it('drops keywords outside the strict subset and keeps a known format instead of its regex', () => {
    const p = json.properties as Record<string, Record<string, unknown>>;
    expect(p.title).toEqual({ type: 'string' });
    expect(p.id).toEqual({ type: 'string', format: 'uuid' });
    expect(p.tags).toMatchObject({ type: 'array', maxItems: 5 });
    expect(json).not.toHaveProperty('$schema');
  });

  it('turns the nulls strict mode sends for optional fields back into absent ones before Zod checks', () => {
    const answer = withoutNulls({
      title: 'Ship',
      note: '',
      due: null,
      id: crypto.randomUUID(),
      tags: [{ name: 'a', colour: null }],
    });
    expect(schema.parse(answer)).toEqual({ ...(answer as object), tags: [{ name: 'a' }] });
    expect(answer).not.toHaveProperty('due');
  });
});
