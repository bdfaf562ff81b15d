import { ROLES } from '../../api/types';
import { checkboxGroup } from '../../components/form-field';
import { tr } from '../../dom';

/** Role checkboxes with translated labels. */
export function roleCheckboxes(checked: string[] = []): ReturnType<typeof checkboxGroup> {
  return checkboxGroup('roles', ROLES.map((role) => ({ value: role, label: tr(`role.${role}`) })), checked);
}
