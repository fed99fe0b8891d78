import { describe, expect, it } from 'vitest';
import { kindUri, plainText, proposalObject, readProposal, titleOf } from './wire.ts';
import { DELIVERY_RETRIES } from './actor.ts';

const post = {
  id: 'https://east.example/ap/actors/network/posts/1',
  kind: 'need' as const,
  what: 'A ride to the clinic <Thursday>\nand back',
  category: 'Baby supplies',
  area: 'Eastside',
  published: new Date('2026-11-22T12:00:00Z'),
};

describe('a need or an offer between networks', () => {
  it('goes as an FEP-0837 Proposal publishing an Intent, also a Note, with nothing but its words, kind and area', () => {
    const o = proposalObject(post, {
      actor: 'https://east.example/ap/actors/network',
      to: ['https://river.example/a'],
    });
    expect(o.type).toEqual(['Note', 'Proposal']);
    expect(o.purpose).toBe('request');
    expect(o.publishes).toMatchObject({
      type: 'Intent',
      id: `${post.id}#primary`,
      resourceConformsTo: kindUri('Baby supplies'),
    });
    expect(o.location).toEqual({ type: 'Place', name: 'Eastside' });
    expect(o.content).toBe('<p>A ride to the clinic &lt;Thursday&gt;<br>and back</p>');
    expect(o.attributedTo).toBe('https://east.example/ap/actors/network');
    expect(Object.keys(o).sort()).toEqual(
      [
        'attributedTo',
        'content',
        'id',
        'location',
        'mediaType',
        'name',
        'published',
        'publishes',
        'purpose',
        'to',
        'type',
        'unitBased',
      ].sort(),
    );
  });

  it('reads back as it went, the kind of help included', () => {
    const o = proposalObject({ ...post, kind: 'offer' }, { actor: 'a', to: [] });
    expect(readProposal(o)).toEqual({
      id: post.id,
      kind: 'offer',
      what: 'A ride to the clinic <Thursday>\nand back',
      category: 'Baby supplies',
      area: 'Eastside',
    });
  });

  it('reads another server’s Proposal (Mitra’s shape) and refuses what is not one', () => {
    const mitra = {
      id: 'https://market.example/proposals/d',
      type: 'Proposal',
      purpose: 'offer',
      name: 'Offering used bike',
      content: 'Blue one-speed bike',
      publishes: { type: 'Intent', resourceConformsTo: 'https://www.wikidata.org/wiki/Q11442' },
    };
    expect(readProposal(mitra)).toMatchObject({
      kind: 'offer',
      what: 'Blue one-speed bike',
      category: 'other',
      area: '',
    });
    expect(readProposal({ ...mitra, type: 'Note' })).toBeNull();
    expect(readProposal({ ...mitra, purpose: undefined })).toBeNull();
    expect(readProposal({ ...mitra, content: '', name: '' })).toBeNull();
    expect(readProposal({ ...mitra, id: 'not a url' })).toBeNull();
    expect(readProposal({ ...mitra, content: 'x'.repeat(30_000) })).toBeNull();
    expect(readProposal('https://market.example/proposals/d')).toBeNull();
    expect(readProposal({ ...mitra, publishes: { resourceConformsTo: 'urn:kropotkin:kind:%E0%A4%A' } })?.category).toBe(
      'other',
    );
  });

  it('keeps a partner’s words as text: tags gone, at most 2,000 characters', () => {
    expect(plainText('<p>Soup &amp; bread</p><p>on <b>Sundays</b></p><script>x</script>')).toBe(
      'Soup & bread\n\non Sundaysx',
    );
    expect(
      readProposal({ id: 'https://a.example/1', type: 'Proposal', purpose: 'request', content: 'y'.repeat(5000) })
        ?.what,
    ).toHaveLength(2000);
    expect(titleOf('z'.repeat(100))).toHaveLength(80);
  });

  it('is delivered again for about a day and then given up', () => {
    const { initialDelay, maxDelay, maxAttempts } = DELIVERY_RETRIES;
    let wait = initialDelay.seconds;
    let total = 0;
    for (let i = 1; i < maxAttempts; i++) {
      total += Math.min(wait, maxDelay.hours * 3600);
      wait *= 2;
    }
    expect(total / 3600).toBeGreaterThanOrEqual(23);
    expect(total / 3600).toBeLessThanOrEqual(26);
  });
});
