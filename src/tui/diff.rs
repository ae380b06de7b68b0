//! Which paragraphs of two texts differ: a longest common subsequence of their lines, so the
//! conflict dialog can show what changed instead of two lookalike columns.

/// For each line of `a` and of `b`: whether it is not in the other text's common run.
pub fn changed_lines(a: &[&str], b: &[&str]) -> (Vec<bool>, Vec<bool>) {
    // Texts of thousands of paragraphs are compared only as wholes.
    if a.len() * b.len() > 4_000_000 {
        return (vec![true; a.len()], vec![true; b.len()]);
    }
    let (n, m) = (a.len(), b.len());
    let mut lcs = vec![vec![0u32; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i][j] = if a[i].trim_end() == b[j].trim_end() {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let (mut in_a, mut in_b) = (vec![true; n], vec![true; m]);
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        if a[i].trim_end() == b[j].trim_end() {
            in_a[i] = false;
            in_b[j] = false;
            i += 1;
            j += 1;
        } else if lcs[i + 1][j] >= lcs[i][j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    (in_a, in_b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_changed_paragraph_is_marked() {
        let a = ["один", "два", "три"];
        let b = ["один", "два с половиной", "три", "четыре"];
        assert_eq!(changed_lines(&a, &b), (vec![false, true, false], vec![false, true, false, true]));
    }
}
