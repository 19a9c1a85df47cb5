import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './helpers';

test('the front page tells the published 2016 accounts in Danish', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'da');
  const headline = page.getByTestId('headline');
  await expect(headline).toContainText('I 2016 deltog 16.500 virksomheder');
  await expect(headline).toContainText('udviklede 3.789 virksomheder nye ideer');
  await expect(headline).toContainText('4.832 virksomheder fik nye kompetencer');
  await expect(headline).toContainText('1.524 virksomheder udviklede nye produkter');
  await expectNoAxeViolations(page);
});

test('the front page in English formats numbers the English way', async ({ page }) => {
  await page.goto('/en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByTestId('headline')).toContainText('In 2016, 16,500 companies took part');
  await expect(page.getByTestId('headline')).toContainText('3,789 companies developed new ideas');
  await expectNoAxeViolations(page);
});

test('the language switch keeps the reader on the same page', async ({ page }) => {
  await page.goto('/login');
  await page.getByRole('link', { name: 'Read this page in English' }).click();
  await expect(page).toHaveURL(/\/en\/login$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in');
});

test('files in public/ are served as they are, not as Danish pages', async ({ request }) => {
  const response = await request.get('/robots.txt');
  expect(response.status()).toBe(200);
  expect(await response.text()).toContain('Disallow: /portal');
});
