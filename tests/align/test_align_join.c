/*
 * test_align_join.c -- neighbouring blocks whose sentences say part of each other's content are
 * joined (align_join.c), on a German-French and an English-Russian account of a climb written for
 * this test: one clause moves across a sentence boundary (the French and Russian say "two days
 * for three hundred metres" in the second sentence, the German and English in the first). From
 * 1-1 links everywhere, the crossing pair becomes one 2-2 block and the other links stay apart.
 */
#include "align/align_internal.h"
#include "check.h"
#include "pair_fixture.h"
#include "dragoman.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define N 8

static void run(dm_ctx *ctx, const char *const *s, const char *sl, const char *const *t, const char *tl,
                size_t cross)
{
    pair_fixture fx;
    pair_fixture_open(&fx, ctx, s, N, sl, t, N, tl);
    al_params par;
    al_params_default(&par);
    par.xjoin_prior = 0; /* the pair's own crossing rate: a test pair is short */
    al_scorer sc;
    al_scorer_init(&sc, &fx.src, &fx.tgt, &fx.pm, &par);
    al_block blk[N];
    for (uint32_t k = 0; k < N; k++)
        blk[k] = (al_block){k, 1, k, 1, al_block_score(&sc, k, 1, k, 1)};
    size_t nb = N;
    al_join_by_crossing(&sc, blk, &nb, 0);
    CHECK(nb == N - 1);
    for (size_t k = 0; k < nb; k++) {
        int want2 = k == cross;
        if ((blk[k].a == 2) != want2 || blk[k].a != blk[k].b)
            fprintf(stderr, "%s-%s block %zu: %u-%u at %u\n", sl, tl, k, blk[k].a, blk[k].b, blk[k].i);
        CHECK(blk[k].a == (want2 ? 2u : 1u) && blk[k].b == blk[k].a);
    }
    CHECK(al_blocks_valid(blk, nb, N, N));
    /* off, nothing is joined */
    par.xjoin = INFINITY;
    al_scorer_init(&sc, &fx.src, &fx.tgt, &fx.pm, &par);
    for (uint32_t k = 0; k < N; k++)
        blk[k] = (al_block){k, 1, k, 1, al_block_score(&sc, k, 1, k, 1)};
    nb = N;
    al_join_by_crossing(&sc, blk, &nb, 0);
    CHECK(nb == N);
    pair_fixture_close(&fx);
}

int main(void)
{
    dm_ctx *ctx;
    if (dm_ctx_new(&ctx, NULL) != DM_OK)
        return 1;
    static const char *const de[N] = {
        "Am frühen Morgen verliessen die vier Bergsteiger das Basislager am Rand des Gletschers.",
        "Das Wetter war klar, und im Osten leuchteten schon die ersten Gipfel in der Sonne.",
        "Der Weg zum Einstieg führte über einen langen, spaltenreichen Gletscher.",
        "Die ersten beiden Seillängen über dem Bergschrund kosteten am siebten Juli viele Stunden, die dreihundert Höhenmeter bis zum Couloir Gervasutti erforderten zwei Tage.",
        "Sechs Stunden Arbeit mit Steigeisen an der Grenze des Gleichgewichts, vereiste steile Platten, die nur mit Haken zu bewältigen waren, endlich eine Rinne aus hartem Schnee.",
        "Am dritten Tag erreichten sie den Grat unterhalb des Gipfels.",
        "Von dort sahen sie zum ersten Mal die Ostseite des Berges.",
        "Der Abstieg verlief ohne Zwischenfall, und am Abend waren alle wieder im Lager.",
    };
    static const char *const fr[N] = {
        "Tôt le matin, les quatre alpinistes quittèrent le camp de base au bord du glacier.",
        "Le temps était clair, et à l'est les premiers sommets brillaient déjà au soleil.",
        "Le chemin vers le pied de la voie traversait un long glacier plein de crevasses.",
        "Les deux premières longueurs de corde au-dessus de la rimaye, le sept juillet, coûtèrent des heures d'efforts.",
        "Il fallut deux jours pour gravir les trois cents mètres jusqu'au couloir Gervasutti, six heures de cramponnage à la limite de l'équilibre, des dalles verglacées surmontées à l'aide de pitons, enfin un couloir de neige dure.",
        "Le troisième jour, ils atteignirent l'arête au-dessous du sommet.",
        "De là, ils virent pour la première fois le versant est de la montagne.",
        "La descente se passa sans incident, et le soir tous étaient de retour au camp.",
    };
    run(ctx, de, "de", fr, "fr", 3);
    static const char *const en[N] = {
        "Early in the morning the four climbers left the base camp at the edge of the glacier.",
        "The weather was clear, and in the east the first summits were already shining in the sun.",
        "The path to the foot of the route crossed a long glacier full of crevasses.",
        "The first two rope lengths above the bergschrund took many hours on the seventh of July, and the three hundred metres up to the Gervasutti couloir took two days.",
        "Six hours of work with crampons at the limit of balance, icy steep slabs that could only be climbed with pitons, and at last a gully of hard snow.",
        "On the third day they reached the ridge below the summit.",
        "From there they saw the eastern side of the mountain for the first time.",
        "The descent passed without incident, and in the evening everyone was back in the camp.",
    };
    static const char *const ru[N] = {
        "Рано утром четверо альпинистов покинули базовый лагерь на краю ледника.",
        "Погода была ясной, и на востоке первые вершины уже сияли на солнце.",
        "Путь к началу маршрута шёл через длинный ледник, полный трещин.",
        "Первые две верёвки над бергшрундом седьмого июля стоили многих часов.",
        "Два дня ушло на триста метров до кулуара Гервазутти, шесть часов работы на кошках на пределе равновесия, обледенелые крутые плиты, которые можно было пройти только с крючьями, и наконец жёлоб из твёрдого снега.",
        "На третий день они достигли гребня под вершиной.",
        "Оттуда они впервые увидели восточную сторону горы.",
        "Спуск прошёл без происшествий, и вечером все вернулись в лагерь.",
    };
    run(ctx, en, "en", ru, "ru", 3);
    dm_ctx_free(ctx);
    return check_failures ? 1 : 0;
}
