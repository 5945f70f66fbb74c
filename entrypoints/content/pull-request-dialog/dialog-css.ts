/**
 * The dialog's styles, inside its shadow root. Colours are Azure DevOps' own theme variables (they
 * inherit into shadow roots), so the dialog follows the light and dark themes; fallbacks are light.
 */
export const DIALOG_CSS = `
dialog{width:min(640px,92vw);max-height:90vh;overflow:auto;padding:20px 24px;border:0;border-radius:6px;
  font:14px "Segoe UI",-apple-system,BlinkMacSystemFont,Roboto,sans-serif;
  background:var(--callout-background-color,#fff);color:var(--text-primary-color,rgba(0,0,0,.9));
  box-shadow:0 6px 24px var(--callout-shadow-color,rgba(0,0,0,.3))}
dialog::backdrop{background:rgba(0,0,0,.4)}
h2{margin:0;font-size:20px;font-weight:600}
.repo{margin:2px 0 12px;color:var(--text-secondary-color,rgba(0,0,0,.55))}
label{display:flex;flex-direction:column;gap:4px;margin:10px 0;font-weight:600}
label.check{flex-direction:row;align-items:center;gap:6px;margin:6px 0;font-weight:400}
input,select,textarea{font:inherit;font-weight:400;padding:5px 8px;border:1px solid var(--palette-black-alpha-20,rgba(0,0,0,.2));border-radius:2px;
  background:var(--background-color,#fff);color:inherit}
textarea{resize:vertical}
.row{display:flex;gap:12px;align-items:flex-end}
.row label{flex:1}
.into{padding-bottom:16px;color:var(--text-secondary-color,rgba(0,0,0,.55))}
fieldset{margin:10px 0;padding:4px 0 0;border:0}
legend{padding:0;font-weight:600}
.hint{margin:2px 0;color:var(--text-secondary-color,rgba(0,0,0,.6));font-weight:400}
.hint:empty{display:none}
.error{color:var(--status-error-foreground,#a4262c)}
.notice,.error-box{margin:8px 0;padding:8px 10px;border-radius:4px;background:var(--palette-black-alpha-4,rgba(0,0,0,.04))}
.error-box p{margin:0 0 6px}
a{color:var(--communication-foreground,#0078d4)}
ul{margin:4px 0;padding:0;list-style:none}
.chosen li{display:flex;align-items:center;gap:8px;padding:3px 0}
.chosen li>span:first-child{flex:1}
.tag{font-size:12px;padding:1px 6px;border-radius:8px;background:var(--palette-black-alpha-8,rgba(0,0,0,.08))}
.combo{position:relative}
.combo input{width:100%;box-sizing:border-box}
[role=listbox]{position:absolute;z-index:1;left:0;right:0;max-height:220px;overflow:auto;margin:2px 0;
  background:var(--callout-background-color,#fff);box-shadow:0 3px 8px var(--callout-shadow-color,rgba(0,0,0,.25));border-radius:4px}
[role=option]{display:flex;gap:8px;padding:6px 10px;cursor:pointer}
[role=option][aria-selected=true],[role=option]:hover{background:var(--palette-black-alpha-6,rgba(0,0,0,.06))}
.detail{color:var(--text-secondary-color,rgba(0,0,0,.6))}
.work-items li{padding:2px 0}
.actions{display:flex;gap:8px;justify-content:flex-end;margin-top:14px}
button{font:inherit;font-weight:600;height:32px;padding:0 14px;border:0;border-radius:2px;cursor:pointer;
  background:var(--palette-black-alpha-6,rgba(0,0,0,.06));color:inherit}
button.primary{background:var(--communication-background,#0078d4);color:var(--text-on-communication-background,#fff)}
button:disabled{opacity:.5;cursor:default}
.chosen button{height:24px;padding:0 8px}
:focus-visible{outline:2px solid var(--focus-border-color,#0078d4);outline-offset:1px}
`;
