// The solidarity economy's journeys (issue 20), on phones: Ada in English with JavaScript, Bo in Spanish without.
// A fridge reported empty in three taps reaches the member who restocks it; hours recorded by one are confirmed by
// the other in one tap; a bulk order runs from opening to pickup, its packs filling live on Ada's page while Bo orders
// for himself and a neighbour without the app, closing itself at the deadline, and a heavier bag at pickup recomputing
// the invoice. axe-core on the pages with script.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAndAppForFile, expectAccessible, foundInBrowser, joinInBrowser, PHONE } from './support.ts';

const files = browserAndAppForFile();
let ada: Page;
let bo: Page;
const visited: string[] = [];

beforeAll(async () => {
  ada = await (await files.browser.newContext({ baseURL: files.app.base, viewport: PHONE })).newPage();
  await foundInBrowser(ada, files.app);
  const joined = await joinInBrowser(files.browser, files.app, 'Bo');
  await files.app.db.updateTable('members').set({ language: 'es' }).where('display_name', '=', 'Bo').execute();
  bo = await (
    await files.browser.newContext({
      baseURL: files.app.base,
      viewport: PHONE,
      javaScriptEnabled: false,
      storageState: await joined.context().storageState(),
    })
  ).newPage();
});

const main = (p: Page) => p.locator('main').innerText();

describe('the solidarity economy on a phone', () => {
  it('reports a fridge empty in three taps, and the ask reaches the member who restocks it', async () => {
    await ada.goto('/places/new');
    await expectAccessible(ada, visited);
    await ada.getByLabel('Its name').fill('Fridge by the laundromat');
    await ada.getByLabel('Area').selectOption('Valley');
    await ada.getByRole('button', { name: 'Add it' }).click();
    await ada.waitForURL(/\/places\/[0-9a-f-]{36}/);
    await expectAccessible(ada, visited);

    // Bo, without script, in Spanish: from the list, the place (1), "vacía" (2), "Enviar" (3).
    await bo.goto('/places');
    await bo.getByRole('link', { name: 'Fridge by the laundromat' }).click();
    await bo.getByLabel('vacía').check();
    await bo.getByRole('button', { name: 'Enviar' }).click();
    expect(await main(bo)).toContain('Gracias. Se avisó a quienes lo reponen.');
    expect(await main(bo)).toContain('Último aviso hace un momento');

    await ada.goto('/notifications');
    expect(await main(ada)).toContain('“Fridge by the laundromat” needs restocking.');
    await ada.getByRole('link', { name: /needs restocking/ }).click();
    expect(await main(ada)).toContain('A restock was asked for.');
    await ada.getByRole('button', { name: 'I restocked it' }).click();
    expect(await main(ada)).toContain('Thank you for restocking it.');
    await ada.goto('/places');
    await expectAccessible(ada, visited);
    expect(await main(ada)).toContain('some food');

    // A passer-by scans the sign: no account, no script; the place's page, "empty", "Send".
    const place = await ada.getByRole('link', { name: 'Fridge by the laundromat' }).getAttribute('href');
    const passerby = await (
      await files.browser.newContext({ baseURL: files.app.base, viewport: PHONE, javaScriptEnabled: false })
    ).newPage();
    await passerby.goto(`${place}/public`);
    await passerby.getByLabel('empty').check();
    await passerby.getByRole('button', { name: 'Send' }).click();
    expect(await main(passerby)).toContain('Thank you. The members who restock it are told.');
    await ada.goto('/notifications');
    expect(await ada.getByText('“Fridge by the laundromat” needs restocking.').count()).toBe(2);
  });

  it('records hours, and the other confirms them in one tap', async () => {
    await bo.goto('/time/new');
    await bo.getByLabel('Con quién').selectOption({ label: 'Ada' });
    await bo.getByLabel('Yo recibí el tiempo').check();
    await bo.getByLabel('Cuánto tiempo').fill('1:30');
    await bo.getByLabel('Para qué').fill('Arreglar la bici');
    await bo.getByRole('button', { name: 'Registrar' }).click();
    expect(await main(bo)).toContain('Registrado. Se pide a la otra persona que lo confirme.');

    await ada.goto('/time');
    await expectAccessible(ada, visited);
    expect(await main(ada)).toContain('You gave Bo 1 h 30 min');
    await ada.getByRole('button', { name: 'Yes, that is right' }).click();
    expect(await main(ada)).toContain('Confirmed. The hours moved.');
    expect(await main(ada)).toContain('Your balance: 1 h 30 min');
    await bo.goto('/time');
    expect(await main(bo)).toContain('Tu saldo: −1 h y 30 min');
    expect(await main(bo)).toContain('Ada te dio 1 h y 30 min');
  });

  it('runs a bulk order from opening to pickup, with a heavier bag at pickup', async () => {
    await ada.goto('/buying/new');
    await expectAccessible(ada, visited);
    await ada.getByLabel('Supplier').fill('Valley Co-op');
    await ada.getByLabel('Items, one a line').fill('Brown rice; kg; 5; 12.50; step 0.5\nOlive oil; l; 1; 8.00');
    await ada.getByLabel('Pickup points, one a line').fill('Church hall\nLibrary');
    await ada.getByLabel('Delivery cost').fill('6.00');
    await ada.getByRole('button', { name: 'Open the order' }).click();
    await ada.waitForURL(/\/buying\/[0-9a-f-]{36}/);
    const url = new URL(ada.url()).pathname;
    const rice = (p: Page) => p.locator('fieldset.item').filter({ hasText: 'Brown rice' });
    await rice(ada).getByLabel('At least').fill('2');
    await rice(ada).getByLabel('Up to').fill('3');
    await ada.getByRole('button', { name: 'Save what I want' }).click();
    expect(await main(ada)).toContain('Saved.');
    await expectAccessible(ada, visited);
    expect(await rice(ada).innerText()).toContain('No full pack yet; the next has 3 of 5 kg. 2 kg more completes it.');

    // Bo, without script: his own range, and a litre of oil for his neighbour who has no phone.
    await bo.goto(url);
    await rice(bo).getByLabel('Como mínimo').fill('2');
    await rice(bo).getByLabel('Como máximo').fill('2.5');
    await bo.getByLabel('Dónde lo recoges').selectOption('Library');
    await bo.getByRole('button', { name: 'Guardar lo que quiero' }).click();
    expect(await main(bo)).toContain('Guardado.');
    await bo.getByLabel('Pedir por alguien sin la aplicación (su nombre):').fill('Sra. Ortiz');
    await bo.getByRole('button', { name: 'Abrir su pedido' }).click();
    expect(await main(bo)).toContain('Lo que quiere Sra. Ortiz (pides por esa persona)');
    await bo.locator('fieldset.item').filter({ hasText: 'Olive oil' }).getByLabel('Como máximo').fill('1');
    await bo.getByLabel('Dónde lo recoges').selectOption('Library');
    await bo.getByRole('button', { name: 'Guardar lo que quiero' }).click();
    expect(await main(bo)).toContain('Guardado.');

    // Ada's page, not reloaded, shows the packs filling (the live view asks when the page is looked at again).
    await ada.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    await expect
      .poll(() => rice(ada).innerText())
      .toContain('One full pack; the next has 0.5 of 5 kg. 4.5 kg more completes it.');

    // The deadline passes: the order closes itself and shares the one pack of rice by the room each left.
    files.app.advance(8 * 24);
    await files.app.runJobs();
    await ada.goto(url);
    await expectAccessible(ada, visited);
    const closed = await main(ada);
    expect(closed).toContain('Brown rice: 2.5 kg');
    // Rice 12.50 + oil 8.00 + delivery 6.00.
    expect(closed).toContain('The whole invoice: $26.50.');

    // At the library Bo's bag weighs 2.7 kg: he notes it, and that he took it.
    await bo.goto(url);
    const share = bo.locator('li.card').filter({ hasText: 'Bo · Brown rice' });
    await share.getByLabel('Se llevó (kg)').fill('2.7');
    await share.getByLabel('Recogido').check();
    await share.getByRole('button', { name: 'Guardar' }).click();
    const after = await main(bo);
    expect(after).toContain('Guardado. Los costes se cuentan de nuevo.');
    expect(after).toContain('2.5 kg → 2.7 kg');
    expect(after).toContain('La factura entera: 27,00');
    expect(after).toContain('Para Sra. Ortiz');
  });
});
