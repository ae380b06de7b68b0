## Counts (CLDR plural forms: one, few, many)

count-items = { $n ->
    [one] { $n } пункт
    [few] { $n } пункта
   *[many] { $n } пунктов
}

## Store

store-locked = хранилище { $path } уже открыто другим процессом otchet. Дождитесь его завершения или работайте через него.
store-open-failed = не удалось открыть хранилище { $path }: { $detail }
store-corrupt = хранилище { $path } повреждено (дерево «{ $tree }»: { $detail }). Восстановите его из резервной копии: otchet restore ФАЙЛ --db НОВЫЙ_КАТАЛОГ
store-newer-schema = хранилище { $path } создано более новой версией otchet (формат { $found }, эта версия понимает { $supported }). Обновите otchet; хранилище не изменено.
store-newer-record = в хранилище { $path } есть запись более новой версии otchet (дерево «{ $tree }»: { $detail }). Обновите otchet; хранилище не изменено.
store-write-failed = не удалось записать в хранилище: { $detail }
store-plan-mismatch = в хранилище уже есть план на { $year } год другого органа или по другому акту: «{ $stored }»; в файле: «{ $imported }». Для другого плана используйте отдельное хранилище (--db).
store-unknown-period = в хранилище нет периода { $period }
store-unknown-item = в плане нет пункта { $point }

## Import

import-error = { $file }: { $problem }
import-error-at-line = { $file }: строка { $line }: { $problem }
import-unreadable = не удалось прочитать файл: { $detail }
import-empty = файл пуст
import-binary = файл не похож на текстовый отчет (двоичные данные или неизвестная кодировка; поддерживаются UTF-8, UTF-16 с BOM и windows-1251)
import-no-header = не найден заголовок отчета: ожидались наименование органа, отчетный период и реквизиты акта, каждое с подписью в скобках
import-missing-organisation = в заголовке нет наименования органа (подпись «(наименование органа местного самоуправления)»)
import-missing-period = в заголовке нет отчетного периода (подпись «(отчетный период)»)
import-missing-act = в заголовке нет реквизитов правового акта (подпись «(реквизиты …)»)
import-unknown-period = не удалось распознать отчетный период «{ $text }»; ожидалось, например, «I квартал 2020 года», «I полугодие 2020 года», «9 месяцев 2020 года» или «2020 год»
import-no-table = не найдена таблица: ожидалась строка заголовков столбцов, начинающаяся с «№ п/п»
import-row-cells = в строке таблицы { $found } { $found ->
    [one] ячейка
    [few] ячейки
   *[many] ячеек
}, ожидалось 6
import-duplicate-point = пункт { $point } встречается дважды (впервые в строке { $first })
import-no-items = в таблице нет ни одного пункта плана
import-bad-docx = файл не удалось прочитать как документ Word (.docx): { $detail }
import-bad-json = файл не удалось прочитать как JSON-выгрузку otchet: { $detail }

## Access and protocol

access-not-a-user = пользователь { $name } не допущен к этому хранилищу. Попросите администратора выполнить: otchet users add { $name } --role editor
access-read-only = у пользователя { $name } роль «{ $role }»: только просмотр, сохранять изменения нельзя
access-admin-only = у пользователя { $name } роль «{ $role }»: это действие доступно только администратору
api-bad-request = неверный запрос: { $detail }
proto-version-mismatch = клиент версии { $client }, сервер версии { $server } ({ $program }): обновите otchet или перезапустите сервер (otchet serve --stop), чтобы работать одной версией
client-connection-failed = нет связи с сервером otchet: { $detail }
client-unexpected-response = сервер otchet ответил непонятно (разные версии программы?)

## Configuration

config-error = ошибка в файле настроек { $file }: { $detail }
config-bad-lang = неизвестный язык «{ $value }» (допустимо: ru, en)
config-bad-cache = cache_mib = { $value }: кэш хранилища должен быть от 1 до { $max } МиБ

## Command line

cli-about = otchet — отчет об исполнении плана мероприятий по противодействию коррупции. Без команды открывает экранный интерфейс.
cli-help-template =
    {"{"}about{"}"}

    Использование: {"{"}usage{"}"}

    {"{"}all-args{"}"}
cli-options = Параметры
cli-commands = Команды
cli-command = КОМАНДА
cli-help-flag = показать эту справку
cli-version = показать версию программы
cli-dir = КАТАЛОГ
cli-file = ФАЙЛ
cli-date = ГГГГ-ММ-ДД
cli-db = каталог хранилища (по умолчанию $OTCHET_DB, затем db из файла настроек, затем ~/.local/share/otchet)
cli-lang = язык интерфейса: ru (по умолчанию) или en
cli-demo = открыть интерфейс на временном хранилище с образцом отчета
cli-period = отчетный период: 2020-Q1 … 2020-Q4, 2020-H1, 2020-9M, 2020 (по умолчанию последний в хранилище)
cli-import = загрузить отчет: текстовую выгрузку таблицы из Word (UTF-8, UTF-8 с BOM, windows-1251; LF или CRLF)
cli-import-file = файл отчета
cli-status = показать состояние пунктов плана за период
cli-as-of = дата, на которую считаются сроки (по умолчанию сегодня)
cli-json = вывести результат в формате JSON
cli-bad-lang = неизвестный язык «{ $value }» (допустимо: ru, en)
cli-bad-period = неверный период «{ $value }»: ожидалось 2020-Q1 … 2020-Q4, 2020-H1, 2020-9M или 2020
cli-bad-date = неверная дата «{ $value }»: ожидалась дата в виде ГГГГ-ММ-ДД, например 2020-04-13
cli-no-store-path = не удалось определить каталог хранилища: укажите --db КАТАЛОГ или переменную OTCHET_DB

## import command

import-done = { $file }: период { $period }, в отчете { $items ->
    [one] { $items } пункт
    [few] { $items } пункта
   *[many] { $items } пунктов
}; добавлено пунктов: { $added }, обновлено: { $updated }, изменено записей: { $entries }
import-unchanged = { $file }: период { $period } уже загружен, ничего не изменилось
import-kept = пустые ячейки файла не стерли сохраненный текст: { $n }

## status command

status-empty-store = хранилище { $path } пусто: загрузите отчет командой otchet import ФАЙЛ
status-heading = { $period } ({ $id }), на { $date }: { $items ->
    [one] { $items } пункт
    [few] { $items } пункта
   *[many] { $items } пунктов
}
status-counts = просрочено: { $overdue } · без результата: { $no_result } · скоро срок: { $due_soon } · выполнено: { $done }
status-overdue-list = Просрочено ({ $n })
status-no-result-list = Без результата ({ $n })
status-due = срок { $date }
status-missed = просрочено с { $date }
cli-usage-main = otchet [ПАРАМЕТРЫ] [КОМАНДА]
cli-usage-import = otchet import [ПАРАМЕТРЫ] ФАЙЛ
cli-usage-status = otchet status [ПАРАМЕТРЫ]
cli-unknown-argument = неизвестный параметр «{ $arg }»
cli-unknown-command = неизвестная команда «{ $arg }»
cli-missing-argument = не хватает обязательного параметра { $arg }
cli-invalid-value = неверное значение «{ $value }» для { $arg }
cli-argument-conflict = параметр { $arg } нельзя использовать вместе с другими указанными
cli-unexpected-value = лишнее значение «{ $value }»
cli-try-help = Подробнее: otchet --help
store-not-empty = хранилище { $path } не пусто: полную выгрузку можно загрузить только в пустое хранилище (укажите новый каталог: --db НОВЫЙ_КАТАЛОГ)
store-newer-dump = выгрузка сделана более новой версией otchet (формат { $found }, эта версия понимает { $supported }); обновите otchet
