//! An item's flags as the exported documents name them: in Russian, as the form is.

use crate::domain::Flags;

pub fn marks_in_russian(f: Flags) -> String {
    [(f.overdue, "просрочено"), (f.no_result, "нет результата"), (f.due_soon, "скоро срок"), (f.done, "выполнено")]
        .into_iter()
        .filter_map(|(on, name)| on.then_some(name))
        .collect::<Vec<_>>()
        .join(", ")
}
