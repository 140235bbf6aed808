/** The task pane's entry: waits for Office.js, then shows the pane. */
export const PRODUCT_NAME = 'Theo dõi 1+2';

Office.onReady(() => {
  const app = document.getElementById('app');
  if (app) app.textContent = PRODUCT_NAME;
});
