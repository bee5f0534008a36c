throw new Error('@napi-rs/canvas is not installed: Fiscal Desk renders PDFs only in the browser.');
