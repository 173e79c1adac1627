/*
 * Service Charter: Tasklist's Camunda Forms lose nothing that is typed (a Tasklist custom script, see config.js).
 *
 * Tasklist 7.24 renders Camunda Forms with form-js 1.8.7, created as `new Form({container})` (webapps/frontend,
 * cam-tasklist-form-camunda.js). form-js then applies a field's input to the form's state only after a debounce of
 * 300 ms (useFlushDebounce, config.debounce), and every state change renders the whole form from the state. A number
 * field hands its value to the debounce once more after its blur, so 300 ms after a person left it the form is
 * rendered again and the text field they are typing in is put back to the state's value, older than what they typed:
 * "Charged tw" of "Charged twice ..." was gone.
 *
 * form-js's own setting `debounce: false` applies every input at once, so the state always equals what is on the
 * screen. Tasklist passes no settings to the Form, so this script gives every Form created in Tasklist that setting:
 * it takes form-js's Form class from the web apps' own bundle (lib/deps.js, through webpack's chunk loading, where
 * Tasklist takes it) and makes its injector's configuration start from `debounce: false`.
 */
const FORM_JS = 57661; // the module @bpmn-io/form-js in Camunda 7.24.0's lib/deps.js
const CHUNK = 'servicecharter-forms-lose-nothing';

function isFormJs(exports) {
  return !!(exports && exports.Form && exports.Form.prototype && exports.Form.prototype._createInjector
    && exports.Form.prototype.importSchema);
}

/** form-js in the bundle: the known module, or (another Camunda build) the one that exports the form playground. */
function formJs(require) {
  if (require.m[FORM_JS]) {
    const known = require(FORM_JS);
    if (isFormJs(known)) {
      return known;
    }
  }
  for (const id of Object.keys(require.m)) {
    const source = Function.prototype.toString.call(require.m[id]);
    if (source.includes('"FormPlayground"') && source.length < 2000) {
      const found = require(id);
      if (isFormJs(found)) {
        return found;
      }
    }
  }
  return null;
}

(self.webpackChunkcamunda_bpm_webapp = self.webpackChunkcamunda_bpm_webapp || []).push([[CHUNK], {}, require => {
  const forms = formJs(require);
  if (!forms) {
    console.error('Service Charter: form-js not found in the web apps\' bundle; Tasklist forms keep their 300 ms debounce '
      + 'and may lose what is typed right after a number field (forms-lose-nothing.js)');
    return;
  }
  const createInjector = forms.Form.prototype._createInjector;
  if (createInjector.servicechartersNoDebounce) {
    return;
  }
  const withoutDebounce = function (options, container) {
    return createInjector.call(this, {...options, debounce: false}, container);
  };
  withoutDebounce.servicechartersNoDebounce = true;
  forms.Form.prototype._createInjector = withoutDebounce;
}]);
