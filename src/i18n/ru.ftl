## Store

store-locked = хранилище { $path } уже открыто другим процессом otchet. Дождитесь его завершения или работайте через него.
store-open-failed = не удалось открыть хранилище { $path }: { $detail }
store-corrupt = хранилище { $path } повреждено ({ $tree }: { $detail }). Восстановите его из резервной копии: otchet restore ФАЙЛ --db НОВЫЙ_КАТАЛОГ
store-newer-schema = хранилище { $path } создано более новой версией otchet (формат { $found }, эта версия понимает { $supported }). Обновите otchet; хранилище не изменено.
store-newer-record = в хранилище { $path } есть запись более новой версии otchet ({ $tree }: { $detail }). Обновите otchet; хранилище не изменено.
store-tree-meta = служебные записи
store-tree-plans = планы
store-tree-items = пункты планов
store-tree-periods = отчетные периоды
store-tree-entries = записи об исполнении
store-tree-history = история правок
store-tree-drafts = черновики
store-tree-settings = настройки
store-tree-users = пользователи
store-tree-reviews = проверки
store-tree-texts = тексты об исполнении
store-tree-undo = журнал отмены
store-write-failed = не удалось записать в хранилище: { $detail }
store-plan-mismatch = в хранилище уже есть план на { $years } другого органа или по другому акту: «{ $stored }»; в файле: «{ $imported }». Для другого плана используйте отдельное хранилище (--db).
store-plan-years-unknown = в документе плана не указаны его годы (например, «на 2021–2024 годы» в заголовке): укажите их при загрузке, otchet import ФАЙЛ --years 2021-2024
store-plan-overlap = годы документа ({ $years }) приходятся на несколько планов хранилища; загрузите его в отдельное хранилище (--db)
years-one = { $year } год
years-span = { $first }–{ $last } годы
store-periods-outside-years = новые годы плана ({ $years }) не включают его периоды: { $periods }
store-years-taken = { $years } уже приходятся на другой план хранилища
store-unknown-plan = в хранилище нет плана { $id } года
store-no-plan-for = период { $period } не входит в годы ни одного плана хранилища (otchet plan show)
store-other-plan = период { $from } относится к другому плану, чем { $to }: тексты переносятся только внутри одного плана
store-period-touched = в периоде { $period } уже есть изменения (пункт { $point }): закрыть его нельзя, ничего не удалено
store-period-drafted = в периоде { $period } есть черновики сотрудников: закрыть его нельзя, ничего не удалено
store-unknown-period = в хранилище нет периода { $period }
store-unknown-item = в плане нет пункта { $point }
store-sled-corruption = sled: повреждены данные
store-sled-corruption-at = sled: повреждены данные (байт { $at } журнала)
store-sled-unsupported = sled не узнает свой файл настроек conf
store-sled-failed = sled не смог прочитать свои файлы
store-lost-commits = в файлах { $held } из { $expected } записанных изменений хранилища
store-bad-key = неверный ключ записи { $key }
store-no-records = в файлах нет ни одной записи
store-no-schema = в хранилище с данными нет номера формата
store-unknown-schema = неизвестный номер формата хранилища { $version }
store-newer-format = записи «{ $name }» формата { $found }, а эта версия читает { $supported }
store-unknown-format = записи «{ $name }» формата { $found }, неизвестные этой версии
store-manifest-too-big = больше { $bytes } байт: это не файл otchet

## Import

import-error = { $file }: { $problem }
import-error-at-line = { $file }: строка { $line }: { $problem }
import-unreadable = не удалось прочитать файл: { $detail }
import-not-a-file-dir = это папка, а не файл отчета
import-not-a-file-fifo = это канал (FIFO), а не файл: загружаются только обычные файлы
import-not-a-file-device = это устройство, а не файл: загружаются только обычные файлы
import-not-a-file = это не обычный файл: загружаются только обычные файлы
import-too-large = файл слишком велик: { $mib } МиБ, а загружаются файлы до { $limit } МиБ (параметр import_max_mib в настройках)
import-empty = файл пуст
import-binary = файл не похож на текстовый отчет (двоичные данные или неизвестная кодировка; поддерживаются UTF-8, UTF-16 с BOM и windows-1251)
import-unknown-period = не удалось распознать отчетный период «{ $text }»; ожидалось, например, «I квартал 2020 года», «I полугодие 2020 года», «9 месяцев 2020 года» или «2020 год»
import-no-table = не найдена таблица плана: ожидалась строка заголовков столбцов («№ п/п», «Наименование мероприятия», «Срок исполнения» …)
import-no-period = в таблице есть столбцы отчета, но не найден отчетный период (строка вроде «I квартал 2022 года» с подписью «(отчетный период)» над таблицей)
import-missing-columns = в таблице { $count } { $count ->
    [one] столбец
    [few] столбца
   *[many] столбцов
}: { $found }; { $missing }
import-missing-title = не найден столбец наименования мероприятия
import-missing-deadline = не найден столбец срока исполнения
import-missing-both = не найдены столбцы наименования мероприятия и срока исполнения
import-row-cells = в строке { $found } { $found ->
    [one] ячейка
    [few] ячейки
   *[many] ячеек
}, а в таблице { $expected } { $expected ->
    [one] столбец
    [few] столбца
   *[many] столбцов
}
import-duplicate-point = пункт { $point } встречается дважды (впервые в строке { $first })
import-no-items = в таблице нет ни одного пункта плана
import-bad-docx = файл не удалось прочитать как документ Word (.docx): { $detail }
import-bad-json = файл не удалось прочитать как JSON-выгрузку otchet: { $detail }
json-unreadable = файл не читается
json-syntax-at = строка { $line }, позиция { $column }: это не JSON (ошибка синтаксиса или файл обрезан)
json-shape = данные не той формы, что выгрузка otchet
json-shape-at = строка { $line }, позиция { $column }: данные не той формы, что выгрузка otchet
zip-invalid = архив поврежден или обрезан
zip-unsupported = архив в формате, который otchet не читает (зашифрован или сжат иначе)
xml-malformed = разметка XML нарушена
xml-not-utf8 = текст документа не в кодировке UTF-8

## Access and protocol

access-not-a-user = пользователь { $name } не допущен к этому хранилищу. Попросите администратора выполнить: otchet users add { $name } --role editor
access-read-only = у пользователя { $name } роль «{ $role }»: только просмотр, сохранять изменения нельзя
access-admin-only = у пользователя { $name } роль «{ $role }»: это действие доступно только администратору
api-bad-request = неверный запрос: { $detail }
proto-version-mismatch = клиент версии { $client }, сервер версии { $server } ({ $program }): обновите otchet или перезапустите сервер (otchet serve --stop), чтобы работать одной версией
client-connection-failed = нет связи с сервером otchet: { $detail }
client-timeout = сервер otchet не ответил за { $secs } с (завис или перегружен?); соединение будет установлено заново
client-unexpected-response = сервер otchet ответил непонятно (разные версии программы?)

## Configuration

config-error = ошибка в файле настроек { $file }: { $detail }
config-bad-lang = неизвестный язык «{ $value }» (допустимо: ru, en)
config-bad-cache = cache_mib = { $value }: кэш хранилища должен быть от 1 до { $max } МиБ
config-bad-import-max = import_max_mib = { $value }: наибольший загружаемый файл должен быть от 1 до { $max } МиБ
config-place = { $file }, строка { $line }
config-unknown-field = строка { $line }: неизвестный параметр «{ $name }» (все параметры — в docs/config.example.toml)
config-syntax = строка { $line }: { $detail }

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
cli-date = ДАТА
cli-db = каталог хранилища (по умолчанию $OTCHET_DB, затем db из файла настроек, затем ~/.local/share/otchet)
cli-lang = язык интерфейса: ru (по умолчанию) или en
cli-demo = открыть интерфейс на временном хранилище с образцом отчета
cli-period = отчетный период: 2020-Q1 … 2020-Q4, 2020-H1, 2020-9M, 2020 (по умолчанию последний в хранилище)
cli-import-file = файл отчета
cli-status = показать состояние пунктов плана за период
cli-as-of = дата, на которую считаются сроки, ДД.ММ.ГГГГ или ГГГГ-ММ-ДД (по умолчанию — дата отчета периода, если задана, иначе сегодня)
cli-json = вывести результат в формате JSON
cli-mine = только пункты, за которые вы отвечаете (otchet users add ИМЯ --responsible …)
cli-responsible = только пункты, где среди ответственных есть этот текст
status-mine-unlinked = пользователь { $name } не связан ни с одним ответственным плана: администратор указывает их так: otchet users add { $name } --role { $role } --responsible "Отдел кадров"
status-review-counts = готово: { $ready } · принято: { $accepted }
cli-bad-lang = неизвестный язык «{ $value }» (допустимо: ru, en)
cli-bad-period = неверный период «{ $value }»: ожидалось 2020-Q1 … 2020-Q4, 2020-H1, 2020-9M или 2020
cli-bad-date = неверная дата «{ $value }»: ожидалась дата в виде ДД.ММ.ГГГГ или ГГГГ-ММ-ДД, например 13.04.2020, с годом из четырех цифр
cli-no-store = в каталоге { $path } нет хранилища: проверьте --db и OTCHET_DB или создайте его командой «otchet import ФАЙЛ» или «otchet restore ФАЙЛ»
cli-no-store-path = не удалось определить каталог хранилища: укажите --db КАТАЛОГ или переменную OTCHET_DB
cli-unknown-server-user = в настройках [server] user = "{ $name }": такого пользователя в системе нет

## import command

import-done = { $file }: период { $period }, в отчете { $items ->
    [one] { $items } пункт
    [few] { $items } пункта
   *[many] { $items } пунктов
}; добавлено пунктов: { $added }, обновлено: { $updated }, изменено записей: { $entries }
import-unchanged = { $file }: период { $period } уже загружен, ничего не изменилось
import-edited-kept = { $n ->
    [one] текст пункта { $points } изменен в программе после загрузки и оставлен как есть
   *[other] тексты пунктов { $points } изменены в программе после загрузки и оставлены как есть
} (заменить текстами файла: otchet import ФАЙЛ --replace-edited)
cli-import-replace-edited = заменить текстами файла и те, что после прошлой загрузки изменили в программе
import-kept = пустые ячейки файла не стерли сохраненный текст: { $n }

## status command

status-no-period = у плана на { $years } еще нет отчетных периодов; откройте первый: otchet period open { $period }
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

## TUI: commands (the help screen lists them)

cmd-quit = выйти
cmd-help = справка
cmd-save = сохранить пункт
cmd-next-pane = следующая панель
cmd-prev-pane = предыдущая панель
cmd-down = вниз
cmd-up = вверх
cmd-page-down = страница вниз
cmd-page-up = страница вверх
cmd-first = к первому пункту
cmd-last = к последнему пункту
cmd-edit = редактировать информацию о реализации
cmd-search = поиск по названиям и текстам
cmd-clear-search = сбросить поиск и отбор
cmd-cycle-filter = отбор: все, просроченные, без результата, скоро срок, не выполненные
cmd-next-flagged = к следующему отмеченному пункту
cmd-prev-flagged = к предыдущему отмеченному пункту
cmd-pick-period = выбрать отчетный период
cmd-set-as-of = дата, на которую считаются сроки
cmd-external-editor = открыть текст во внешнем редакторе ($VISUAL, $EDITOR)
cmd-pick-assessment = оценка № { $n } из списка
cmd-set-schedule = задать срок пункта вручную
cmd-copy-previous = вставить текст за предыдущий период
cmd-export = выгрузить отчет в файл
cmd-history = история изменений пункта
cmd-stop-editing = закончить редактирование (текст сохраняется в черновике)
cmd-undo = отменить
cmd-redo = повторить
cmd-prev-assessment = предыдущая оценка из списка
cmd-next-assessment = следующая оценка из списка
cmd-confirm = выбрать
cmd-cancel = отмена
cmd-save-and-quit = сохранить и выйти
cmd-quit-keeping-draft = выйти, оставив черновик
cmd-discard-draft = удалить черновик
cmd-open-next-period = открыть следующий период
cmd-keep-mine = сохранить мой текст
cmd-take-theirs = принять их текст
cmd-edit-merge = объединить вручную
cmd-import-file = загрузить файл отчета
cmd-load-sample = загрузить образец (Серовский ГО, I квартал 2020 года)
cmd-messages = все сообщения (журнал)
cmd-retry = повторить

pane-global = Везде
pane-list = Список пунктов
pane-editor = Информация о реализации
pane-assessment = Оценка результатов
pane-help = Справка
pane-quit = Выход
pane-period = Выбор периода
pane-draft = Черновик
pane-conflict = Конфликт изменений
pane-history = История изменений
pane-welcome = Начало работы
pane-start = Загрузка
pane-info-title = Информация о реализации
pane-text-loading = загрузка текста…
pane-assessment-title = Оценка результатов
pane-assessment-hint = 1–{ $n } в списке, ↑↓ здесь

keys-unknown-pane = в [keys] неизвестная панель «{ $pane }»
keys-unknown-command = в [keys.{ $pane }] неизвестная команда «{ $command }»
keys-unknown-key = неизвестная клавиша «{ $key }» (примеры: j, E, ctrl-s, shift-tab, F1, PageDown)
keys-conflict = клавиша { $key } в [keys.{ $pane }] назначена двум командам: «{ $first }» и «{ $second }»
keys-error = { $place }: { $problem }
theme-unknown-color = неизвестный цвет «{ $value }» (допустимы 16 цветов ANSI: red, lightred, yellow, …)
theme-unknown-role = в [colors] неизвестный элемент «{ $role }» (допустимо: overdue, no_result, due_soon, done, border_focused, error)

editor-info-placeholder = Опишите, что сделано за период…
editor-assessment-placeholder = Выберите оценку клавишей 1–4 или введите свою

## TUI: messages

tui-read-only = только просмотр: у вас нет права изменять записи
tui-no-more-flagged = дальше отмеченных пунктов нет
tui-paste-into-editor = вставка возможна в тексте: нажмите Enter, чтобы начать редактирование
tui-nothing-to-save = изменений нет
tui-no-such-assessment = в списке нет оценки № { $n }
tui-assessment-picked = оценка: { $text } (Ctrl-S — сохранить)
tui-no-previous-period = у этого периода нет предыдущего
tui-draft-restored = черновик восстановлен; Ctrl-S — сохранить, Ctrl-Z — отменить
tui-took-theirs = принят текст другого пользователя; ваш остался в истории черновика
tui-merge-text =
    { $mine }

    ——— текст пользователя { $who } ———
    { $theirs }
tui-merge-marker-left = в тексте осталась строка-разделитель «{ $line }»: удалите ее и сохраните снова
tui-merge-hint = объедините тексты, удалите лишнее и строку «———» и сохраните: { $key }
tui-admin-only = это действие доступно только администратору
tui-no-next-period = следующего периода в этом году нет
tui-as-of-report-date = сроки считаются на дату отчета периода
tui-as-of-today = сроки считаются на сегодня
tui-bad-date = неверная дата «{ $value }»: введите ДД.ММ.ГГГГ, например 13.04.2020
tui-schedule-not-understood = срок не распознан; примеры: «ежеквартально», «до 01.12.2020», «ежеквартально, до 05 числа месяца, следующего за отчетным периодом», «по мере необходимости»
tui-bad-format = неизвестный формат «{ $value }»; есть: { $formats }
tui-saved = пункт { $point } сохранен
tui-restored = пункт { $point }: восстановлен прежний текст, он сохранен для всех
tui-restore-conflict = текст пункта изменили, пока открывалась история; откройте историю снова
tui-conflict-elsewhere = пункт { $point } успели изменить до вашего сохранения: их текст остался, ваш сохранен как черновик
tui-server-silent-at-exit = сервер не ответил до выхода из программы
tui-saving = сохраняется…
log-title = Сообщения
log-empty = сообщений пока не было
error-title = Ошибка
status-error-hint = Esc, Enter — скрыть · { $key } — все сообщения
status-error-hint-close = Esc, Enter — скрыть
tui-load-failed = Не удалось загрузить план
tui-load-failed-hint = Проверьте, что хранилище доступно и сервер запущен (otchet status покажет, что не так), затем повторите.
tui-imported = загружен период { $period }; новых пунктов: { $items }
tui-copied-previous = вставлен текст за предыдущий период (Ctrl-Z — отменить)
tui-previous-empty = за предыдущий период по этому пункту текста нет
tui-folder-unreadable = не удалось прочитать папку { $path }: { $detail }
tui-completion-choices = варианты: { $list }
tui-completion-more = и еще { $n }
tui-exported = отчет выгружен: { $path }
tui-changed-elsewhere = пока вы редактировали, пункт изменил(а) { $who }; при сохранении будет предложено объединить тексты
tui-too-small = терминал слишком мал (нужно 80×24, сейчас { $width }×{ $height })
tui-loading = загрузка…

schedule-none = в плане срок не указан — задайте вручную (s)
schedule-unknown = срок не распознан — задайте вручную (s)
schedule-fixed = к дате: { $dates }
schedule-monthly = ежемесячно: { $dates }
schedule-quarterly = ежеквартально: { $dates }
schedule-half-yearly = раз в полугодие: { $dates }
schedule-yearly = ежегодно: { $dates }
schedule-continuous = в течение года, до { $dates }
schedule-labelled = за { $quarter ->
    [4] год
   *[other] { $quarter } квартал
}: { $dates }
schedule-during-year = в течение { $year } года
schedule-during = в течение { $first }–{ $last } годов
schedule-partial = { $schedule }; понято частично, не понято: «{ $rest }»
detail-outside-plan = вне срока действия плана: { $years }
schedule-event = по событию, без даты
schedule-hand-set = задан вручную: { $schedule }

due-today = сегодня
due-in = через { $days } { $days ->
    [one] день
    [few] дня
   *[many] дней
}
due-ago = просрочено на { $days } { $days ->
    [one] день
    [few] дня
   *[many] дней
}

list-title-all = Пункты плана: { $n }
list-title-overdue = Просроченные: { $n }
list-title-no-result = Без результата: { $n }
list-title-due-soon = Скоро срок: { $n }
list-title-carried = Перенесенные: { $n }
list-title-ready = Готовы к проверке: { $n }
list-title-mine = Мои пункты: { $n }
list-title-drafts = Черновики: { $n }
list-title-not-done = Не выполненные: { $n }
list-title-search = Поиск «{ $search }»: { $n }
list-empty = нет пунктов: { $clear } — сбросить поиск и отбор, { $filter } — сменить отбор

detail-deadline = Срок: { $text }
detail-understood = Понято: { $text }
detail-nearest = Ближайший срок: { $date }, { $relative }
detail-changed = изменено: { $who }, { $when }
detail-editing = редактирует: { $who }
detail-draft = есть ваш черновик ({ $when }; Enter — открыть)

flag-overdue = просрочено
flag-no-result = нет результата
flag-due-soon = скоро срок
flag-done = выполнено

save-state-saved = сохранено
save-state-modified = ● не сохранено
save-state-draft = ● в черновике
status-help = { $key } справка
status-demo = ДЕМО (образец, ничего не сохраняется)
status-as-of = на { $date }
count-overdue = { $n } { $n ->
    [one] просрочен
    [few] просрочены
   *[many] просрочено
}
count-no-result = { $n } без результата
count-due-soon = { $n } скоро срок
count-done = { $n } { $n ->
    [one] выполнен
    [few] выполнены
   *[many] выполнено
}
count-ready = готово { $n }
count-accepted = принято { $n }
count-carried = перенесено { $n }
status-as-of-report = на { $date } (дата отчета)
count-total = всего { $n } { $n ->
    [one] пункт
    [few] пункта
   *[many] пунктов
}
count-loading = загружено пунктов: { $n }, список еще загружается…

help-title = Справка
help-marks = Отметки в списке
help-mark-draft = есть ваш несохраненный черновик
help-mark-editing = пункт сейчас редактирует другой пользователь
help-typing = Набор текста, стрелки, Home/End, PgUp/PgDn, Backspace, Delete — как обычно
quit-title = Выход
draft-title = Черновик
draft-offer = По этому пункту есть ваш несохраненный черновик ({ $when }). Продолжить с него?
conflict-title = Пункт изменил другой пользователь
conflict-title-self = Пункт изменен вами в другом окне
conflict-mine = Мой текст
conflict-theirs = Текст { $who }, { $when }
history-title = История изменений
history-line = № { $revision } · { $who } · { $when }
period-title = Отчетный период
prompt-search = Поиск (регистр и ё/е не важны)
prompt-as-of = Дата, на которую считаются сроки
prompt-as-of-hint = ДД.ММ.ГГГГ; пусто — сегодня
prompt-responsible = Ответственные за пункт
prompt-responsible-hint = как их пишет план, через «;». Пусто — убрать. Enter — сохранить, Esc — отмена
cmd-set-responsible = изменить ответственных за пункт (администратор)
detail-more = { $n ->
    [one] еще { $n } строка ниже
    [few] еще { $n } строки ниже
   *[many] еще { $n } строк ниже
}
detail-responsible = Ответственные: { $text }
waiting-title = План загружен
waiting-plan = План на { $years }: { $items ->
    [one] { $items } пункт
    [few] { $items } пункта
   *[many] { $items } пунктов
}. Отчетных периодов пока нет.
waiting-open = Открыть период «{ $period }» ({ $id })? Открыть период может администратор; потом в него вносят информацию о реализации.
cmd-open-first-period = открыть этот период
cmd-earlier-period = квартал раньше
cmd-later-period = квартал позже
open-period-title = Новый отчетный период
open-period-question = Открыть период «{ $period }» ({ $id }) для всех сотрудников? С этого момента программа и otchet status по умолчанию показывают его.
open-period-carry = перенести тексты из периода «{ $from }» (отчеты нарастающим итогом); они будут отмечены как перенесенные
open-period-empty = Тексты пунктов начнутся пустыми.
close-period-title = Убрать период
close-period-question = Убрать период «{ $period }» ({ $id })?
close-period-note = Это можно, только пока в нем ничего не меняли: перенесенные тексты уйдут вместе с ним, а если что-то уже правили, программа откажет и ничего не удалит.
open-period-yes = открыть для всех
close-period-yes = убрать
confirm-anything-else = любая другая клавиша — отмена
cmd-close-period = убрать период, открытый по ошибке
cmd-toggle-carry-over = переносить тексты или нет
pane-confirm = Вопрос
summary-title = Кто что должен: { $period }
summary-who = Ответственные
summary-items = пунктов
summary-no-result = без рез.
summary-overdue = просроч.
summary-ready = готово
summary-accepted = принято
cmd-mark-ready = отметить пункт готовым (или снова в работе)
cmd-accept = принять пункт (администратор)
cmd-send-back = вернуть пункт в работу (администратор)
cmd-confirm-carried = оставить перенесенный текст как есть
cmd-summary = сводка: кто что должен
cmd-go-to-drafts = к черновикам
tui-review-save-first = сначала сохраните текст пункта (Ctrl-S)
tui-review-accepted-is-admins = пункт уже принят: вернуть его в работу может администратор
tui-not-carried = текст этого пункта не перенесен из прошлого периода
tui-drafts-in = { $period }: { $n }
tui-drafts-elsewhere = Ваши черновики ждут в других периодах ({ $places }); { $key } — перейти к ним
cli-review = состояние пункта в периоде: open (в работе), ready (готово), accepted (принято; только администратор)
cli-usage-review = otchet review ПУНКТ [--period ID] open|ready|accepted
cli-review-state = open, ready или accepted
review-set = пункт { $point } в периоде { $period }: { $state }
tui-period-opened = открыт период «{ $period }»; перенесено текстов: { $n }
tui-period-was-open = период «{ $period }» уже был открыт
tui-period-closed = период убран
draft-just-now = только что
tui-import-edited-kept = измененные в программе тексты оставлены: { $points }
key-space = Пробел
cmd-quit-discarding = выйти, выбросив несохраненный текст
cmd-discard-changes = выбросить несохраненный текст пункта (вернуть сохраненный)
tui-discarded = несохраненный текст выброшен, показан сохраненный
tui-nothing-to-discard = несохраненного текста нет
discard-title = Выбросить изменения
discard-question = Выбросить несохраненный текст пункта { $point } и его черновик? Вернется сохраненный текст.
discard-yes = выбросить
restore-title = Вернуть старый текст
restore-question = Вернуть текст редакции { $revision } ({ $who }, { $when }) пункту { $point }? Он станет текущим для всех сотрудников; нынешний текст останется в истории.
restore-yes = вернуть для всех
quit-unsaved-item = Несохраненный текст пункта { $point } («{ $title }»). Что с ним сделать перед выходом?
history-restore-hint = вернуть этот текст (для всех, после вопроса)
cmd-next-match = к следующему найденному пункту
cmd-prev-match = к предыдущему найденному пункту
cmd-go-to = к пункту по номеру (: и номер, Enter)
tui-no-search = поиска нет: / и текст
tui-no-such-point = в плане нет пункта { $point }
prompt-go-to = К пункту номер
help-mark-carried = текст перенесен из прошлого периода, еще не просмотрен (v)
help-mark-ready = автор отметил пункт готовым (d)
help-mark-accepted = координатор принял пункт (A)
help-assessments = стандартная оценка по номеру (их { $n })
help-hint = { $close } — закрыть · { $down } { $up } PgDn PgUp Home End — прокрутка
help-more = ниже еще ↓
help-mark-not-done = оценен, но не выполнен («не выполнено», «выполнено частично»)
prompt-schedule = Срок пункта (вручную)
prompt-schedule-hint = например: «ежеквартально», «до 01.12.2020», «по мере необходимости»; пусто — по тексту документа
prompt-export-format = Формат выгрузки
prompt-export-format-hint = { $formats } (PDF — из docx в Word или LibreOffice)
prompt-export-path-hint = полный путь можно изменить; Tab — дополнить имя папки или файла; имя без папки — в папку документов
prompt-export-path = Файл
welcome-title = otchet
welcome-text = Хранилище пока пусто. Загрузите отчет (текстовую выгрузку таблицы из Word) или образец, чтобы посмотреть, как работает программа.
welcome-path = Путь к файлу (Tab — дополнить, Enter — загрузить, Esc — отмена):

## Documents in and out (import of .docx and JSON, export)

import-error-at-row = { $file }: строка таблицы { $row }: { $problem }
import-duplicate-point-row = пункт { $point } встречается дважды (впервые в строке таблицы { $first })
import-item-numbers = в первых ячейках строки должны стоять номера пункта (например, «5.» и «5.1»), а стоят «{ $seq }» и «{ $point }»
import-docx-not-zip = файл назван как документ Word (.docx), но не является им: это не zip-архив ({ $detail })
import-docx-no-document = в архиве нет основной части документа Word (word/document.xml): это не документ .docx
import-docx-too-large = основная часть документа Word больше { $limit } МБ: это не похоже на отчет
import-docx-xml = документ Word поврежден (word/document.xml): { $detail }
import-old-word = это документ Word старого формата (.doc) или другой файл Microsoft Office; откройте его в Word или LibreOffice и сохраните как .docx
import-dump-done = { $file }: полная выгрузка загружена в хранилище; планов: { $plans }, периодов: { $periods }, пунктов: { $items }
cli-import-formats = загрузить отчет: текстовую выгрузку таблицы из Word (UTF-8, UTF-8 с BOM, windows-1251; LF или CRLF), документ Word (.docx) или JSON-выгрузку otchet (только в пустое хранилище)
cli-export = выгрузить отчет за период в файл (docx, xlsx, html, csv, txt) или все хранилище в JSON
cli-usage-export = otchet export [ПАРАМЕТРЫ] --format ФОРМАТ --output ФАЙЛ
cli-export-as-of = дата, на которую считаются отметки в xlsx и csv (по умолчанию дата отчета периода, иначе сегодня)
cli-csv-delimiter = разделитель полей csv (по умолчанию «;», как ждет Excel на русском; «,» — для остальных)
cli-char = СИМВОЛ
cli-bad-csv-delimiter = «{ $value }» не годится в разделители csv: нужен один символ, не кавычка
cli-export-format = формат: docx — официальная форма, xlsx — таблица Excel в той же форме, html — страница для сайта, csv — таблица для Excel, txt — текстовая выгрузка Word, json — все хранилище (резервная копия)
cli-export-output = файл, в который записать выгрузку (записывается целиком или не записывается вовсе)
cli-bad-format = неизвестный формат «{ $value }»; есть: { $formats }
export-format-docx = docx — официальная форма отчета (Word)
export-format-html = html — страница для сайта администрации
export-format-csv = csv — таблица для Excel
export-format-txt = txt — текстовая выгрузка таблицы, как из Word
export-format-json = json — все хранилище: планы, периоды, записи и их история (резервная копия)
export-needs-store = формат { $format } выгружает все хранилище, а не один период
export-needs-period = формат { $format } выгружает один период, а не все хранилище
export-encode-failed = не удалось собрать файл { $format }: { $detail }
export-write-failed = не удалось записать файл { $path }: { $detail }
export-done = { $file }: отчет за { $period } выгружен в формате { $format }, { $items ->
    [one] { $items } пункт
    [few] { $items } пункта
   *[many] { $items } пунктов
}
export-dump-done = { $file }: хранилище выгружено в JSON; планов: { $plans }, периодов: { $periods }

## Server (otchet serve) and its clients

cli-serve = сервер хранилища: единственный процесс, открывающий хранилище; клиенты запускают его сами, systemd — в переднем плане
cli-usage-serve = otchet serve [ПАРАМЕТРЫ]
cli-seconds = СЕКУНДЫ
cli-idle-timeout = через сколько секунд без клиентов сервер завершается (0 — никогда; по умолчанию idle_timeout_secs из настроек, 600)
cli-serve-stop = остановить работающий сервер этого хранилища (дождавшись текущих запросов)
serve-bad-idle-timeout = OTCHET_IDLE_TIMEOUT = «{ $value }»: ожидалось число секунд
serve-stopped = сервер остановлен, хранилище закрыто
serve-not-running = сервер этого хранилища не запущен
serve-stop-refused = сервер отказался останавливаться
serve-stop-slow = сервер не завершился за { $secs } с; посмотрите его журнал
serve-world-writable = каталог хранилища { $path } доступен на запись всем пользователям: сервер не будет с ним работать. Уберите право записи для прочих: chmod o-w { $path } (настройка для группы сотрудников — в docs/server.md)
serve-not-owner = хранилище { $path } принадлежит пользователю { $owner }: сервер запускает только он (sudo -u { $owner } otchet serve --db { $path }) или служба (sudo systemctl start otchet), иначе в каталоге остались бы чужие файлы
serve-group-writable = в папку хранилища { $path } могут писать участники группы (права { $mode }): любой из них мог бы удалить или подменить файлы хранилища, сервер не будет с ней работать. Уберите право записи для группы: chmod g-w { $path } (участникам нужен только вход в папку, к серверу они обращаются через сокет)
serve-already-running = сервер этого хранилища уже работает (сокет { $socket })
serve-socket-failed = не удалось открыть сокет { $socket }: { $detail }
serve-socket-not-socket = по этому пути уже есть файл, каталог или ссылка, а не сокет; otchet его не удаляет: уберите его или укажите другой [server] socket
serve-failed = сервер otchet не может работать: { $detail }
server-log-import-taken-back = загрузка отчета была прервана (сервер остановлен во время нее): записанное ею отменено, хранилище такое же, как до нее; загрузите файл еще раз
server-log-open-period-taken-back = открытие периода с переносом текстов было прервано (сервер остановлен во время него): перенесенное отменено, период не открыт; откройте его еще раз
server-log-close-period-taken-back = снятие периода, открытого по ошибке, было прервано (сервер остановлен во время него): период восстановлен таким, как был; уберите его еще раз
server-log-rendered-unreadable = сохраненные для status --json пункты периода { $period } не читаются ({ $error }): они берутся из хранилища и будут сохранены заново
server-log-rendered-short = файл короче, чем был записан
server-log-started = сервер запущен, сокет { $socket }
server-log-exit-stopped = сервер останавливается по запросу
server-log-exit-idle = клиентов нет дольше заданного времени: сервер завершается
server-log-exit-store-gone = каталог хранилища удален: сервер завершается
server-log-accept-failed = не удалось принять подключение: { $detail }
server-log-peer-unknown = не удалось узнать пользователя подключения: { $detail }
server-log-connection-dropped = подключение { $name } закрыто: { $detail }
frame-closed = соединение закрыто
frame-too-large = сообщение в { $bytes } байт больше, чем этому пользователю можно прислать
frame-malformed = поврежденное сообщение
frame-out-of-place = сообщение не к месту в разговоре (клиент не otchet?)
frame-version = протокол версии { $protocol }, а сервер говорит на { $ours }
server-log-slow-client = { $name } не читает уведомления (в очереди их уже 64): подключение закрыто
server-log-over-cap = подключение пользователя { $name } отклонено: у него уже { $per_user } { $per_user ->
        [one] подключение
        [few] подключения
       *[many] подключений
    } или у сервера { $total } (отклонено с запуска: { $count })
server-log-refused = подключение { $name } отклонено: { $detail }
server-log-stop-asked = { $name } останавливает сервер
server-log-stop-refused = { $name } пытался остановить сервер без прав администратора
server-log-event-failed = не удалось разослать уведомление: { $detail }
client-socket-failed = нет доступа к сокету сервера { $socket }: { $detail }
client-no-server = сервер не запущен (сокет { $socket })
client-server-impostor = на сокете { $socket } отвечает процесс пользователя { $user }, а не сервер владельца хранилища ({ $owner }): ничего не отправлено. Сообщите администратору сервера; служебного пользователя сервера можно указать в настройках: [server] user = "…"
client-socket-dir-unsafe = каталог сокета { $folder } (владелец { $user }, права { $mode }) могут подменить другие пользователи: ничего не отправлено. Укажите в настройках [server] socket в закрытом каталоге
client-socket-link = на месте сокета { $socket } — символическая ссылка: она может вести к серверу другого хранилища; ничего не отправлено. Уберите ее
client-not-owner-start = сервер хранилища { $store } не запущен, а запустить его может только владелец хранилища ({ $owner }): sudo systemctl start otchet или sudo -u { $owner } otchet serve --db { $store }
client-store-dir-failed = не удалось создать каталог хранилища { $path }: { $detail }
client-lock-failed = не удалось занять файл блокировки { $path }: { $detail }
client-log-failed = не удалось открыть журнал сервера { $path }: { $detail }
client-start-failed = не удалось запустить сервер ({ $program }): { $detail }
client-server-failed = сервер не запустился: { $detail }
client-server-silent = сервер не ответил за { $secs } с; его журнал: { $log }
client-server-closed = сервер закрыл соединение (остановлен или перезапущен?); запустите команду еще раз
client-frame-too-large = сообщение слишком велико ({ $bytes } байт)
client-bad-frame = сервер прислал поврежденные данные: { $detail }
codec-truncated = запись обрывается
codec-wrong-kind = пришла запись не того вида
codec-future-version = запись формата { $version }, а эта программа знает форматы только до { $supported }: обновите ее
codec-unknown-version = запись неизвестного формата { $version }
codec-malformed = запись не читается
codec-trailing-bytes = после записи лишние байты ({ $n })

## users command

cli-users = кто допущен к хранилищу и с какой ролью: admin (загрузка, периоды, пользователи, выгрузка), editor (правка), viewer (просмотр)
cli-usage-users = otchet users add ИМЯ --role РОЛЬ | remove ИМЯ | list
cli-users-add = допустить пользователя или сменить его роль
cli-usage-users-add = otchet users add ИМЯ --role admin|editor|viewer [--responsible ТЕКСТ …]
cli-users-remove = лишить пользователя доступа
cli-usage-users-remove = otchet users remove ИМЯ
cli-users-list = показать допущенных пользователей
cli-usage-users-list = otchet users list
cli-user-name = ИМЯ
cli-user-name-help = имя пользователя в системе (логин) или его uid
cli-users-role = роль: admin, editor или viewer
users-uid = uid { $uid }
cli-users-responsible = ответственный, за которого отвечает пользователь, как в плане («Отдел кадров»); можно несколько раз
users-responsible = отвечает за: { $names }
cli-text = ТЕКСТ
users-unknown-login = в системе нет пользователя «{ $name }»
users-added = { $name }: роль «{ $role }»
users-removed = { $name } больше не допущен к хранилищу
users-not-a-user = { $name } и так не допущен к хранилищу

## history command

cli-history = история текстов пункта за период: кто, когда и что сохранил
cli-usage-history = otchet history ПУНКТ [ПАРАМЕТРЫ]
cli-point = ПУНКТ
cli-history-point = номер пункта Плана, как в документе: 70, 5.1
history-no-item = в плане нет пункта { $point } (период { $period })
history-heading = Пункт { $point } «{ $title }», { $period }: { $n ->
    [one] { $n } редакция
    [few] { $n } редакции
   *[many] { $n } редакций
}
history-revision = редакция { $n } · { $when } · { $by } · { $source }
history-source-carried = перенесено из { $from }
history-review = { $from } → { $to }
history-carried-confirmed = перенесенный текст подтвержден без изменений
history-review-line = { $when }, { $by }: { $change }
review-open = в работе
review-ready = готово
review-accepted = принято
history-source-edit = правка
history-source-import = загрузка отчета
history-source-restore = возврат старой редакции
history-assessment = Оценка: { $text }
tui-needs-terminal = экранный интерфейс работает только в терминале (для сценариев есть команды: otchet status, otchet export)
editor-failed = не удалось открыть внешний редактор: { $detail }
editor-exit = внешний редактор завершился с ошибкой ({ $status }); текст не изменен
demo-failed = не удалось подготовить демонстрацию: { $detail }
import-whole-store-export = это полная JSON-выгрузка хранилища otchet, а не отчет за период: загрузите ее в пустое хранилище командой otchet import ФАЙЛ --db НОВЫЙ_КАТАЛОГ
import-docx-broken-zip = zip-архив документа Word поврежден или обрезан ({ $detail })

## dev-generate (скрытая: для замеров, docs/performance.md)

dev-generate-no-sample = во встроенном образце нет текстов для генерации
cli-assessments = стандартные оценки результатов, которые в экранном интерфейсе выбираются одной клавишей (1–9)
cli-usage-assessments = otchet assessments [list | set ТЕКСТ…]
cli-assessments-list = показать список оценок
cli-assessments-set = заменить список оценок (только администратор); каждая оценка — отдельный аргумент в кавычках
cli-assessment-text = ТЕКСТ
cli-assessment-text-help = текст оценки, например «выполнено в полном объеме в установленные сроки»
assessments-blank = оценка № { $n } пуста
assessments-too-many = оценок { $n }, а клавиш для выбора только 9
save-state-read-only = только просмотр

## reliability: backups, restore, damaged stores, recovery files (docs/reliability.md)

cli-backup = записать резервную копию всего хранилища (JSON с контрольной суммой); можно во время работы
cli-usage-backup = otchet backup ФАЙЛ [ПАРАМЕТРЫ]
cli-backup-file = куда записать резервную копию
cli-restore = загрузить резервную копию (или полную выгрузку JSON) в пустое хранилище
cli-usage-restore = otchet restore ФАЙЛ [--db НОВЫЙ_КАТАЛОГ]
cli-restore-file = файл резервной копии: otchet backup ФАЙЛ, ежедневная копия из папки backups хранилища или otchet export --format json
backup-done = { $file }: резервная копия записана; планов: { $plans }, периодов: { $periods }. Восстановление: otchet restore { $file } --db НОВЫЙ_КАТАЛОГ
restore-done = { $file }: контрольная сумма верна, копия загружена в хранилище { $store }; планов: { $plans }, периодов: { $periods }, пунктов: { $items }
restore-done-plain = { $file }: выгрузка без контрольной суммы (проверять нечего) загружена в хранилище { $store }; планов: { $plans }, периодов: { $periods }, пунктов: { $items }
backup-bad-header = первая строка резервной копии не читается: { $detail }
backup-bad-checksum = резервная копия повреждена: ее содержимое не совпадает с контрольной суммой (файл изменен или обрезан). Возьмите другую копию, например предыдущего дня из папки backups хранилища
backup-newer = резервная копия сделана более новой версией otchet (формат { $found }, эта версия понимает { $supported }); обновите otchet
server-log-backup-written = ежедневная резервная копия записана: { $path }
server-log-backup-failed = ежедневная резервная копия не записана: { $detail }
store-damaged = файлы хранилища { $path } повреждены, открыть его нельзя ({ $detail }). Хранилище не изменено. Восстановите его из резервной копии в новую папку: otchet restore ФАЙЛ --db НОВЫЙ_КАТАЛОГ (ежедневные копии лежат в { $path }/backups)
store-damaged-files = файлы хранилища { $path } повреждены, открыть его нельзя ({ $detail }). Не работайте больше с этой папкой. Восстановите хранилище из резервной копии в новую папку: otchet restore ФАЙЛ --db НОВЫЙ_КАТАЛОГ (ежедневные копии лежат в { $path }/backups)
tui-recovery-failed = не сохранено: { $error }. Текст остается на экране; записать его в файл тоже не удалось: { $detail }. Не закрывайте программу, скопируйте текст
recovery-no-home = не задана переменная HOME
recovery-file = Текст, который otchet не смог сохранить в хранилище. Скопируйте его обратно в пункт, когда хранилище снова будет доступно.
    Хранилище: { $store }
    Период: { $period }, пункт { $point }
    Время: { $time }
    Причина: { $error }

    Информация о реализации мероприятия:
    { $info }

    Оценка результатов:
    { $assessment }
store-disk-full = на диске хранилища { $path } нет места: свободно { $free } КБ, а нужно не меньше { $needed } КБ. Ничего не записано, сохраненное не тронуто; освободите место и сохраните снова
store-read-only = диск хранилища { $path } доступен только для чтения: ничего не записано, сохраненное не тронуто
store-stopped = хранилище { $path } больше не принимает запросов: запись на диск не удалась ({ $detail }). Записанное на диск не повреждено. Освободите место и перезапустите сервер: otchet serve --stop
tui-recovery-saved = не сохранено; текст в { $path } — { $error }

## Store failures as the server tells a client (no server paths; details in the server's log)
fault-internal = хранилище на сервере не смогло выполнить запрос; подробности — в журнале сервера (otchet-server.log в папке хранилища или journalctl -u otchet)
fault-damaged = файлы хранилища на сервере повреждены; подробности — в журнале сервера. Восстановите хранилище из резервной копии: otchet restore ФАЙЛ --db НОВЫЙ_КАТАЛОГ
fault-newer-data = в хранилище есть записи более новой версии otchet; обновите otchet
fault-disk-full = на диске хранилища нет места: свободно { $free } КБ, а нужно не меньше { $needed } КБ. Ничего не записано, сохраненное не тронуто; освободите место и сохраните снова
fault-read-only = диск хранилища доступен только для чтения: ничего не записано, сохраненное не тронуто
fault-stopped = хранилище больше не принимает запросов: запись на диск не удалась. Записанное на диск не повреждено. Освободите место и перезапустите сервер: otchet serve --stop
fault-not-empty = хранилище не пусто: полную выгрузку можно загрузить только в пустое хранилище (укажите новый каталог: --db НОВЫЙ_КАТАЛОГ)
cli-store-fault = хранилище { $path }: { $message }
api-no-revision = в истории нет версии { $revision }
api-owner-stays-admin = владелец хранилища остается администратором
api-owner-not-removed = владельца хранилища удалить нельзя
api-unsendable = ответ слишком велик, чтобы его передать
server-log-unsendable = ответ для { $name } не отправлен: { $detail }

## Operating-system errors, as the user is told them
os-not-found = файл или папка не найдены
os-permission-denied = нет доступа (права на файл или папку)
os-already-exists = файл уже существует
os-is-a-directory = это папка, а не файл
os-not-a-directory = часть пути — не папка
os-storage-full = на диске нет места
os-read-only = диск доступен только для чтения
os-file-too-large = файл слишком велик
os-connection-refused = соединение отклонено (сервер не запущен?)
os-connection-lost = соединение прервано
os-timed-out = истекло время ожидания
os-address-in-use = адрес уже занят
os-bad-name = недопустимое имя файла
os-too-many-links = слишком много ссылок
os-invalid-data = данные повреждены или в неверной кодировке
os-out-of-memory = не хватает памяти
os-symlink-loop = по пути встречена символическая ссылка или их цикл
os-too-many-files = открыто слишком много файлов
os-error-code = системная ошибка (код { $code })
os-other = системная ошибка
fs-not-regular = { $path } — не обычный файл (ссылка, каталог или устройство): otchet его не открывает и не заменяет
fs-foreign-owner = файл { $path } создан другим пользователем (uid { $uid }): он не будет изменен; удалите его или передайте владельцу хранилища

## plan command

cli-plan = план: его орган, утверждающий акт, годы и подписи отчета; кто отвечает за пункты
cli-usage-plan = otchet plan show | set [ПАРАМЕТРЫ] | responsible ПУНКТ [ТЕКСТ]
cli-plan-show = показать план
cli-plan-set = изменить поля плана (для администраторов)
cli-usage-plan-set = otchet plan set [--organisation ТЕКСТ] [--approved-by ТЕКСТ] [--years 2021-2024] [--signed-by ТЕКСТ] [--executor ТЕКСТ]
cli-plan-organisation = наименование органа местного самоуправления
cli-plan-approved-by = реквизиты и наименование акта, утвердившего план
cli-plan-signed-by = подпись отчета: должность и имя подписывающего
cli-plan-executor = исполнитель отчета с телефоном
cli-plan-years = годы плана, например 2021-2024 или 2022
cli-plan-which = план, в годы которого входит этот год (по умолчанию план последнего периода)
cli-plan-responsible = показать или изменить ответственных за пункт (изменить могут администраторы)
cli-usage-plan-responsible = otchet plan responsible ПУНКТ [ТЕКСТ]
cli-plan-point = номер пункта плана, например 5 или 2.1
cli-plan-responsible-text = ответственные, как их пишет план («Отдел кадров; юридический отдел»); пустая строка "" — убрать
cli-year = ГОД
cli-bad-year = «{ $value }» — не год: укажите четыре цифры, например 2022
cli-bad-years = «{ $value }» — не годы плана: укажите 2021-2024 или 2022
plan-set-nothing = укажите, что изменить: --organisation, --approved-by, --years, --signed-by или --executor
plan-no-such = в хранилище нет плана, в который входит { $year } год (планы: { $plans })
plan-no-item = в плане на { $years } нет пункта { $point }
plan-responsible-is = ответственные: { $text }
plan-none = —
plan-years = Годы
plan-organisation = Орган
plan-approved-by = Утвержден
plan-title = Заголовок
plan-items = Пункты
plan-items-count = { $n }, разделов: { $sections }
plan-columns = Столбцы
plan-periods = Периоды
plan-no-periods = нет (откройте: otchet period open ПЕРИОД)
plan-signed-by = Подпись
plan-executor = Исполнитель
import-plan-done = { $file }: план на { $years }, { $items ->
    [one] { $items } пункт
    [few] { $items } пункта
   *[many] { $items } пунктов
}; добавлено пунктов: { $added }, обновлено: { $updated }
import-plan-unchanged = { $file }: план на { $years } уже загружен, ничего не изменилось
import-plan-next = отчетных периодов у плана пока нет; откройте первый: otchet period open { $period }
cli-import-years = годы плана, если документ их не называет (например, 2021-2024)

## period command

cli-period-command = отчетные периоды: список и открытие нового
cli-usage-period = otchet period list | open ID [--copy-from ID] | close ID | set ID --report-date ДАТА | summary [--period ID]
cli-period-list = периоды каждого плана
cli-period-open = открыть новый период (для администраторов): 2021-Q2, 2021-H1, 2021-9M, 2021 (год), 2021-2024 (весь срок плана)
cli-period-id = период: 2021-Q1 … 2021-Q4, 2021-H1, 2021-9M, 2021 (год) или весь срок плана 2021-2024
cli-period-copy-from = перенести тексты всех пунктов из этого периода (они будут отмечены как перенесенные)
cli-period-close = убрать период, открытый по ошибке, пока в нем ничего не меняли (для администраторов)
cli-period-set = записать дату отчета периода (для администраторов)
cli-period-report-date = дата отчета: 13.04.2020 или 2020-04-13; пустая строка "" — убрать. Сроки периода по умолчанию считаются на нее
cli-period-summary = сводка для координатора: по каждому ответственному — сколько пунктов без результата, просрочено, готово, принято
period-carried = перенесено текстов из { $from }: { $n }
period-closed = период { $id } убран
period-report-date-set = дата отчета периода { $id }: { $date }
period-list-date = дата отчета: { $date } · сроки на { $as_of }
period-counts = { $items ->
    [one] { $items } пункт
    [few] { $items } пункта
   *[many] { $items } пунктов
}: без результата { $no_result } · просрочено { $overdue } · готово { $ready } · принято { $accepted }
period-summary-heading = { $period } ({ $id }), на { $date }: кто отвечает за пункты
summary-nobody = (ответственные не указаны)
period-opened = открыт период { $id }: { $title }
period-already-open = период { $id } уже открыт: { $title }
period-list-plan = План на { $years }
spelling-unreadable = словарь для проверки орфографии { $path } не прочитан: { $detail }
spelling-bad-dictionary = словарь { $path } не разобран: { $detail }
spelling-too-large = файл больше { $mib } МиБ
spelling-no-dictionary = орфография не проверяется: нет словаря { $path }.aff/.dic (установите пакет hunspell-ru или укажите путь в [spelling] dictionary)
spelling-dictionary-unreadable = орфография не проверяется: словарь { $path } не прочитан (подробности в журнале сервера)
api-parts-missing = загрузка оборвалась: пришли не все ее части, ничего не записано
api-part-alone = часть загрузки пришла без ее начала
api-not-a-word = в словарь добавляется одно слово русскими буквами
dump-refused = выгрузка не загружена, хранилище не изменено: { $problem }
dump-duplicate-plan = план { $plan } встречается дважды
dump-duplicate-item = в плане { $plan } дважды встречается пункт с номером записи { $item }
dump-duplicate-period = период { $period } встречается дважды
dump-period-outside-plan = период { $period } вне лет плана ({ $years })
dump-unknown-item = в периоде { $period } есть запись для пункта { $item }, которого нет в плане
dump-duplicate-entry = в периоде { $period } две записи для пункта { $point }
dump-history-out-of-order = в периоде { $period } история пункта { $point } идет не по порядку редакций
dump-revision-mismatch = в периоде { $period } у пункта { $point } редакция { $entry }, а последняя в истории — { $history }
dump-revision-too-large = в периоде { $period } у пункта { $point } недопустимый номер редакции { $revision }
dump-duplicate-user = пользователь с uid { $uid } указан дважды
dump-part-out-of-order = части выгрузки пришли не по порядку
spelling-title = Орфография: «{ $word }»
spelling-no-suggestions = в словаре нет похожих слов
spelling-hint = Enter или цифра — заменить · + — добавить слово в словарь хранилища · Esc — закрыть
spelling-no-word = под курсором нет слова, которое проверяет словарь
spelling-off = проверка орфографии выключена
spelling-text-changed = текст изменился, слово не заменено
spelling-word-added = слово добавлено в словарь хранилища для всех
cmd-spelling = варианты написания слова под курсором
export-format-xlsx = таблица Excel в форме отчета, с отметками
export-xlsx-too-long = в пункте { $point } текст длиной { $chars } знаков, а ячейка Excel вмещает { $max }; выгрузите этот отчет в docx
tui-review-now-open = пункт { $point }: снова в работе
tui-review-now-ready = пункт { $point } отмечен готовым (d — снять отметку)
tui-review-now-accepted = пункт { $point } принят координатором
tui-imported-plan = загружен план на { $years }; новых пунктов: { $items }; откройте период клавишей p
detail-last-due-done = Срок был { $date }; пункт выполнен
flag-not-done = не выполнено
tui-exported-without-drafts = { $n ->
    [one] { $n } ваш несохраненный текст не вошел в файл
    [few] { $n } ваших несохраненных текста не вошли в файл
   *[other] { $n } ваших несохраненных текстов не вошли в файл
} (в файле — сохраненные тексты)
config-bad-type = строка { $line }: значение не того вида, нужно { $kind ->
    [bool] true или false
    [string] текст в кавычках
    [integer] целое число без кавычек
    [list] список в квадратных скобках
   *[other] другое значение (см. пример настроек в руководстве)
}
cli-completions = сценарий дополнения команд для оболочки: bash, zsh или fish
cli-usage-completions = otchet completions bash|zsh|fish
cli-completions-shell = оболочка: bash, zsh или fish
cli-bad-shell = неизвестная оболочка «{ $value }»: bash, zsh или fish
cli-manpages = записать страницы руководства (man) в КАТАЛОГ/man1 и КАТАЛОГ/ru/man1
cli-manpages-failed = не удалось записать страницы руководства в { $path }: { $detail }
cli-period-list-ids = только идентификаторы периодов, по одному в строке
cli-doctor = проверить установку: папку хранилища, сервер, вашу роль, словарь, место на диске, резервные копии
cli-usage-doctor = otchet doctor [--db КАТАЛОГ]
doctor-store = хранилище: { $path }
doctor-no-store = здесь нет хранилища
doctor-fix-import = otchet import ФАЙЛ_ПЛАНА_ИЛИ_ОТЧЕТА
doctor-fix = исправить: { $command }
doctor-all-well = Все в порядке.
doctor-problems = { $n ->
    [one] найдена { $n } проблема; команды исправления — выше
    [few] найдено { $n } проблемы; команды исправления — выше
   *[other] найдено { $n } проблем; команды исправления — выше
}
doctor-folder-unreadable = папку хранилища не удалось прочитать
doctor-folder-others = папка хранилища открыта всем пользователям сервера (права { $mode }): любой может читать или портить отчет
doctor-folder-no-setgid = у общей папки хранилища (права { $mode }) нет бита setgid: новые файлы получат не ту группу
doctor-folder-group-writes = участники группы могут писать в папку хранилища (права { $mode }): удалить или подменить его файлы и сокет
doctor-folder-ok = папка хранилища: права { $mode }, владелец { $owner }, группа { $group }
doctor-socket-dir-open = папка сокета сервера { $path } открыта на запись всем: чужой процесс может подменить сервер
doctor-socket-dir-ok = папка сокета: { $path }
doctor-socket-dir-later = папки сокета { $path } пока нет: ее создаст сервер
doctor-not-in-group = вы не в группе «{ $group }», которой принадлежит хранилище (после добавления войдите заново)
doctor-server-not-running = сервер сейчас не запущен; он запустится сам при первой команде (или: sudo systemctl start otchet)
doctor-server-answers = сервер отвечает
doctor-role = вы — { $name }, роль: { $role }
doctor-spelling-off = проверка орфографии выключена в настройках
doctor-dictionary-ok = словарь для проверки орфографии: { $path }
doctor-no-dictionary = нет словаря для проверки орфографии: { $path }
doctor-disk-low = на диске хранилища осталось { $mib } МиБ
doctor-disk-ok = свободно на диске: { $mib } МиБ
doctor-backups-off = ежедневные резервные копии выключены ([server] backup_days = 0)
doctor-backup-ok = последняя резервная копия сделана { $hours } ч назад
doctor-backup-old = последней резервной копии { $days } дн.: сервер давно не делал копий
doctor-no-backup-yet = резервных копий еще нет: сервер сделает первую в течение суток работы
doctor-service-active = служба otchet работает (systemd)
doctor-service-inactive = служба otchet не работает (systemd: { $state })
text-too-long = в пункте { $point } поле «{ $field }» длиной { $kib } КиБ, а хранилище принимает не больше { $limit } КиБ в одном поле; разделите текст или сократите его
text-too-long-document = в документе поле «{ $field }» длиной { $kib } КиБ, а хранилище принимает не больше { $limit } КиБ в одном поле
field-title = наименование
field-organisation = наименование органа
field-deadline = срок исполнения
field-responsible = ответственные
field-info = информация о реализации
field-assessment = оценка результатов
field-extra = дополнительный столбец
field-approved-by = реквизиты правового акта
field-signed-by = подпись
field-executor = исполнитель
field-caption = заголовок столбца
field-point = номер пункта
field-user = имя пользователя
field-assessments = стандартная оценка
store-planted-link = { $file } — ссылка или файл другого пользователя, а не файл хранилища: его мог подложить другой пользователь; уберите его (rm { $file }) и восстановите файл из резервной копии
fault-restore-interrupted = восстановление из резервной копии было прервано, хранилище неполное: запустите otchet restore ФАЙЛ еще раз
store-folder-gone = папку хранилища удалили или подменили, пока сервер работал: изменения туда больше не записываются
fault-folder-gone = папку хранилища удалили или подменили, пока сервер работал: изменение не сохранено; верните папку из резервной копии и перезапустите сервер (otchet serve --stop)
