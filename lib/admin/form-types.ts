// Shapes shared by the secretariat's server actions and the ActionForm component.
export interface AdminFormState {
  status: 'idle' | 'ok' | 'error';
  message?: string;
  /** translated, one message per field */
  fieldErrors?: Record<string, string>;
  /** extra lines to list under the message: problems by row, recipients … */
  lines?: string[];
  /** what was posted, to refill the form after an error */
  values?: Record<string, string>;
}

export interface FieldSpec {
  name: string;
  label: string;
  type?: 'text' | 'email' | 'date' | 'number' | 'url' | 'file' | 'select' | 'textarea' | 'checkboxes';
  hint?: string;
  defaultValue?: string;
  options?: { value: string; label: string }[];
  checked?: string[];
  accept?: string;
  wide?: boolean;
}
